namespace GenPro.Sdk.Http;

/// <summary>Per-request facts the SDK's handlers pass to each other through <see cref="HttpRequestMessage.Options"/>.</summary>
internal static class RequestOptionKeys
{
    /// <summary>
    /// Set on requests whose body streams from a caller's stream that cannot be rewound: such a request must never
    /// be sent twice (no retry, no redirect that re-sends the body), or the second attempt would send a truncated body.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> NonReplayableBody = new("GenPro.NonReplayableBody");

    public static bool HasNonReplayableBody(HttpRequestMessage request) =>
        request.Options.TryGetValue(NonReplayableBody, out var value) && value;
}
