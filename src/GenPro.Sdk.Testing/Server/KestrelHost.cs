using System.Net;
using GenPro.Sdk.Testing.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GenPro.Sdk.Testing.Server;

/// <summary>
/// A slim Kestrel host on 127.0.0.1 and a port the OS picks, with one request delegate that hands every request to
/// the core: no routing middleware, no minimal-API reflection, so it stays trim- and AOT-clean.
/// </summary>
internal static class KestrelHost
{
    public static async Task<(WebApplication App, Uri Root)> StartAsync(FakeApiCore core, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.AddServerHeader = false;

            // Uploads of any size reach the core, which keeps what it received for inspection.
            options.Limits.MaxRequestBodySize = null;
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.Run(context => ServeAsync(core, context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return (app, new Uri(address));
    }

    private static async Task ServeAsync(FakeApiCore core, HttpContext context)
    {
        var request = context.Request;
        var aborted = context.RequestAborted;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, aborted).ConfigureAwait(false);
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = [.. values.Select(v => v ?? string.Empty)];
        }

        var data = new FakeRequestData
        {
            Method = request.Method,
            Path = request.PathBase.Add(request.Path).Value ?? "/",
            Query = request.QueryString.Value ?? string.Empty,
            Headers = headers,
            Body = buffer.ToArray(),

            // Links to avatar images point back at this server, at the address the client reached it by.
            ImageRoot = new Uri($"{request.Scheme}://{request.Host.Value}/"),
        };
        var answer = await core.HandleAsync(data, aborted).ConfigureAwait(false);
        if (answer.DropConnection)
        {
            context.Abort();
            return;
        }

        var response = context.Response;
        response.StatusCode = answer.Status;
        response.ContentLength = answer.Body.Length;
        if (answer.ContentType is { } contentType)
        {
            response.ContentType = contentType;
        }

        if (answer.RetryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await response.Body.WriteAsync(answer.Body, aborted).ConfigureAwait(false);
    }
}
