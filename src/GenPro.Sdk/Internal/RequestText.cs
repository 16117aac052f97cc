namespace GenPro.Sdk.Internal;

/// <summary>How request types print secrets: whether one is set, never what it is.</summary>
internal static class RequestText
{
    public static string? Redact(string? secret) => secret is null ? null : "[REDACTED]";
}
