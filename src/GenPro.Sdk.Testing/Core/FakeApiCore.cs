using System.Text;
using GenPro.Sdk.Testing.Endpoints;
using GenPro.Sdk.Testing.Faults;
using GenPro.Sdk.Testing.Multipart;
using GenPro.Sdk.Testing.State;
using Microsoft.AspNetCore.WebUtilities;

namespace GenPro.Sdk.Testing.Core;

/// <summary>
/// The one request-to-response path both hosting modes share: record, apply a queued fault, route,
/// authenticate, read parameters, then run the endpoint under the store's lock.
/// </summary>
internal sealed class FakeApiCore(FakeStore store, FakeFaults faults, Func<string, bool> isInvalidProviderKey)
{
    private readonly object _requestsGate = new();
    private readonly List<FakeRequest> _requests = [];

    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_requestsGate)
            {
                return [.. _requests];
            }
        }
    }

    public async Task<FakeResponse> HandleAsync(FakeRequestData request, CancellationToken cancellationToken)
    {
        // Avatar images are what a CDN would serve: public, not API requests, so not recorded and never faulted.
        if (AvatarImages.IsImageRequest(request))
        {
            lock (store.Gate)
            {
                return AvatarImages.Serve(store, request);
            }
        }

        Record(request);
        if (faults.TryTake(request) is { } fault)
        {
            if (fault.Kind != FaultKind.Delay)
            {
                return Faulted(fault);
            }

            await Task.Delay(fault.Duration, cancellationToken).ConfigureAwait(false);
        }

        var route = Route.Match(request.Method, request.Path);
        if (route is null)
        {
            return FakeResponse.Error(404, "not_found", "Not found");
        }

        FakeUser? user;
        lock (store.Gate)
        {
            user = request.Header("X-API-Key") is { } key && store.UsersByKey.TryGetValue(key, out var found) ? found : null;
        }

        if (user is null)
        {
            return FakeResponse.Error(401, "unauthorized", "Invalid or missing API key");
        }

        try
        {
            var body = route.ReadsBody
                ? await RequestParams.ReadAsync(request.Body, request.Header("Content-Type"), cancellationToken).ConfigureAwait(false)
                : RackParams.NewHash();
            var context = new EndpointContext
            {
                Store = store,
                User = user,
                AgentId = route.AgentId,
                AvatarIds = route.AvatarIds,
                Query = QueryHelpers.ParseQuery(request.Query),
                Body = body,
                IsInvalidProviderKey = isInvalidProviderKey,
                ImageRoot = request.ImageRoot ?? AvatarEntity.CdnRoot,
            };
            lock (store.Gate)
            {
                return route.Endpoint(context);
            }
        }
        catch (ApiError e)
        {
            return e.ToResponse();
        }
        catch (RackParamsException e)
        {
            // Rails answers unparsable parameters with 400 Bad Request before any controller runs.
            return FakeResponse.Error(400, "bad_request", e.Message);
        }
    }

    public void ClearRequests()
    {
        lock (_requestsGate)
        {
            _requests.Clear();
        }
    }

    private static FakeResponse Faulted(FakeFault fault) => fault.Kind switch
    {
        FaultKind.DropConnection => new FakeResponse { Status = 0, DropConnection = true },
        FaultKind.MalformedBody => new FakeResponse
        {
            Status = fault.StatusCode,
            ContentType = FakeResponse.JsonContentType,
            Body = Encoding.UTF8.GetBytes("{\"agent\": {\"id\": 42, \"name\": \"Trunc"),
        },
        _ when fault.Error is null => new FakeResponse { Status = fault.StatusCode, RetryAfterSeconds = fault.RetryAfterSeconds },
        _ => new FakeResponse
        {
            Status = fault.StatusCode,
            RetryAfterSeconds = fault.RetryAfterSeconds,
            ContentType = FakeResponse.JsonContentType,
            Body = FakeResponse.Error(fault.StatusCode, fault.ErrorCode, fault.Error).Body,
        },
    };

    private void Record(FakeRequestData request)
    {
        var recorded = new FakeRequest
        {
            Method = request.Method,
            PathAndQuery = request.Path + request.Query,
            Headers = request.Headers,
            Body = request.Body,
        };
        lock (_requestsGate)
        {
            _requests.Add(recorded);
        }
    }
}
