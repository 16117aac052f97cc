using GenPro.Sdk.Testing.State;
using Microsoft.Extensions.Primitives;

namespace GenPro.Sdk.Testing.Endpoints;

/// <summary>What an endpoint gets: the store (its lock held), the caller, the route's ids, the query and the body parameters.</summary>
internal sealed class EndpointContext
{
    public required FakeStore Store { get; init; }

    public required FakeUser User { get; init; }

    public required string AgentId { get; init; }

    public string? AvatarIds { get; init; }

    public required Dictionary<string, StringValues> Query { get; init; }

    public required Dictionary<string, object?> Body { get; init; }

    public required Func<string, bool> IsInvalidProviderKey { get; init; }

    /// <summary>Where avatar links point: the CDN, or the fake server the request came to (which serves the images).</summary>
    public required Uri ImageRoot { get; init; }

    public string? QueryValue(string name) => Query.TryGetValue(name, out var values) ? values.ToString() : null;
}
