namespace GenPro.Sdk.Avatars.Multipart;

/// <summary>
/// Marks a request whose body cannot be sent twice: it reads a caller's non-seekable stream, whose bytes are gone
/// once sent. Set on every upload, create and update request (true or false) as
/// <c>request.Options[OptionKey]</c>; a retry handler must not resend a request where it is true.
/// Every other body the SDK builds (JSON bytes, files, byte buffers, seekable streams) can be resent.
/// </summary>
internal static class NonReplayableBody
{
    public const string OptionKey = "GenPro.NonReplayableBody";

    /// <summary>The typed key, for <c>request.Options.TryGetValue(Key, out var nonReplayable)</c>.</summary>
    public static readonly HttpRequestOptionsKey<bool> Key = new(OptionKey);

    public static bool IsSet(HttpRequestMessage request) => request.Options.TryGetValue(Key, out var value) && value;
}
