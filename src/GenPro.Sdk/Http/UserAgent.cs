using System.Reflection;
using System.Runtime.InteropServices;

namespace GenPro.Sdk.Http;

/// <summary>Builds <c>[app-id ]GenPro.Sdk/&lt;version&gt; (.NET &lt;runtime&gt;; &lt;os&gt;)</c>, once per client.</summary>
internal static class UserAgent
{
    private static readonly string SdkPart = Build();

    public static string For(string? applicationId) =>
        string.IsNullOrWhiteSpace(applicationId) ? SdkPart : $"{applicationId.Trim()} {SdkPart}";

    private static string Build()
    {
        var assembly = typeof(UserAgent).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                      ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            version = version[..plus]; // drop the commit hash Source Link appends
        }

        var runtime = RuntimeInformation.FrameworkDescription.Replace(".NET ", string.Empty, StringComparison.Ordinal);
        return $"GenPro.Sdk/{version} (.NET {runtime}; {Sanitize(RuntimeInformation.OSDescription)})";
    }

    /// <summary>Keeps the header legal: OS descriptions may carry parentheses or non-ASCII characters.</summary>
    private static string Sanitize(string text)
    {
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 100)];
        var length = 0;
        foreach (var c in text.AsSpan(0, buffer.Length))
        {
            buffer[length++] = c is >= ' ' and <= '~' and not '(' and not ')' ? c : ' ';
        }

        return new string(buffer[..length]).Trim();
    }
}
