namespace GenPro.Sdk.Http;

/// <summary>Per-request facts the SDK's handlers pass to each other through <see cref="HttpRequestMessage.Options"/>.</summary>
internal static class RequestOptionKeys
{
    /// <summary>
    /// The name under which upload, create and update requests say (true or false) whether their body reads a
    /// caller's stream that cannot be rewound (public as <see cref="GenProRequestOptionKeys"/>, for handler authors).
    /// A constant so Refit's <c>[Property]</c> can name it.
    /// </summary>
    public const string NonReplayableBodyName = GenProRequestOptionKeys.NonReplayableBodyName;

    /// <summary>The typed key of <see cref="NonReplayableBodyName"/>.</summary>
    public static readonly HttpRequestOptionsKey<bool> NonReplayableBody = GenProRequestOptionKeys.NonReplayableBody;

    public static bool HasNonReplayableBody(HttpRequestMessage request) =>
        request.Options.TryGetValue(NonReplayableBody, out var value) && value;

    /// <summary>
    /// The name under which create and update requests carry the ElevenLabs and Hume AI keys they send, so that an
    /// error body echoing one of them is scrubbed before it reaches an exception. Never logged or traced.
    /// </summary>
    public const string SecretsName = "GenPro.Secrets";

    /// <summary>The typed key of <see cref="SecretsName"/>.</summary>
    public static readonly HttpRequestOptionsKey<string[]> Secrets = new(SecretsName);

    public static string[]? SecretsOf(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Secrets, out var value) ? value : null;

    /// <summary>
    /// Set by <see cref="RedirectHandler"/> on the request whose redirect it did not follow, saying why, so that the
    /// exception the caller gets says it too.
    /// </summary>
    public static readonly HttpRequestOptionsKey<string> RedirectRefusal = new("GenPro.RedirectRefusal");

    public static string? RedirectRefusalOf(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(RedirectRefusal, out var value) ? value : null;
}
