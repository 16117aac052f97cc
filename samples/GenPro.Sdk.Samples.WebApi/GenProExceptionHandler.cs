using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace GenPro.Sdk.Samples.WebApi;

/// <summary>
/// Turns what the SDK throws into RFC 7807 problem details. The caller sees the GEN API's verdict on its request
/// (not found, invalid, forbidden, slow down) and a plain gateway error for everything that is this service's
/// problem: a refused key, an upstream failure, no connection. The upstream's message is passed on only for the former.
/// </summary>
internal sealed class GenProExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not GenProException genPro)
        {
            return false;   // not ours: the default handler answers 500
        }

        var (status, title, showDetail) = genPro switch
        {
            GenProNotFoundException => (StatusCodes.Status404NotFound, "Not found", true),
            GenProValidationException => (StatusCodes.Status422UnprocessableEntity, "The GEN API refused the request", true),
            GenProPermissionException => (StatusCodes.Status403Forbidden, "Not allowed", true),
            GenProRateLimitException => (StatusCodes.Status429TooManyRequests, "Too many requests", true),
            // Our key was refused: a configuration problem of this service, not the caller's credentials.
            GenProAuthenticationException => (StatusCodes.Status502BadGateway, "The GEN API refused this service's credentials", false),
            GenProConnectionException => (StatusCodes.Status503ServiceUnavailable, "The GEN API could not be reached", false),
            _ => (StatusCodes.Status502BadGateway, "The GEN API failed", false),   // 5xx, unreadable answers, odd statuses
        };

        var api = genPro as GenProApiException;
        if (genPro is GenProRateLimitException { RetryAfter: { } retryAfter })
        {
            httpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = showDetail ? api?.ErrorMessage : null };
        if (api?.ErrorCode is { } errorCode)
        {
            problem.Extensions["errorCode"] = errorCode;   // GenProErrorCodes: the stable thing for clients to branch on
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
