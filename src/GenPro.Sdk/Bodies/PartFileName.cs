using System.Buffers;
using System.Globalization;
using System.Text;
using GenPro.Sdk.Internal;

namespace GenPro.Sdk.Bodies;

/// <summary>
/// File names as browsers put them in <c>multipart/form-data</c> (WHATWG HTML): raw UTF-8 inside
/// <c>filename="…"</c>, with <c>"</c>, CR and LF percent-encoded (and <c>;</c> and the other control characters, below), and never <c>filename*</c> (RFC 7578 §4.2 forbids
/// it and Rack 2.2 reads <c>filename</c> first). Two Rack rules shape the rest, so Rails' <c>original_filename</c>
/// is exactly the name sent:
/// <list type="bullet">
/// <item>Rack keeps only what follows the last <c>/</c> or <c>\</c>, so the SDK sends only that (as browsers do).</item>
/// <item>Rack finds a part's field name by the last <c>; name=</c> in its <c>Content-Disposition</c> line, so a file
/// name holding <c>; name=x</c> would rename the field: <c>;</c> goes as <c>%3B</c> too.</item>
/// <item>Rack percent-decodes the name when every <c>%</c> in it starts a valid escape, so once the name holds an
/// escape (ours, or a <c>%41</c> of its own) each literal <c>%</c> goes as <c>%25</c>; a name like <c>100%.png</c>
/// goes as is, which every server reads alike.</item>
/// <item>Every other control character (U+0000 to U+001F, U+007F) goes as its escape too (<c>%00</c>, <c>%09</c>, …):
/// .NET parses a part's headers lazily and a raw NUL makes it write a bare <c>Content-Disposition: form-data</c>
/// without the field name or the file name, so Rack dropped the part and an agent was created without its avatar.
/// Rack decodes the escape, so Rails still sees the name given.</item>
/// </list>
/// </summary>
internal static class PartFileName
{
    private static readonly SearchValues<char> Escaped = SearchValues.Create(
        "\";\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    /// <summary>The name Rails will see: the part after the last <c>/</c> or <c>\</c>, or an <see cref="ArgumentException"/> if there is none.</summary>
    public static string Require(string fileName, string paramName)
    {
        var baseName = fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..];
        if (baseName.Length == 0)
        {
            throw new ArgumentException($"The avatar file name '{fileName}' has no name after its last '/' or '\\'.", paramName);
        }

        if (!Guard.IsWellFormed(baseName))
        {
            throw new ArgumentException("The avatar file name is not well-formed UTF-16 (it has a lone surrogate), so it cannot be sent as UTF-8.", paramName);
        }

        return baseName;
    }

    /// <summary>The text between the quotes of <c>filename="…"</c>; a name from <see cref="Require"/>.</summary>
    public static string Quote(string fileName)
    {
        var needsEscapes = fileName.AsSpan().IndexOfAny(Escaped) >= 0 || HasPercentEscape(fileName);
        if (!needsEscapes)
        {
            return fileName;
        }

        var text = new StringBuilder(fileName.Length + 8);
        foreach (var c in fileName)
        {
            _ = c switch
            {
                '%' => text.Append("%25"),
                '"' or ';' or < ' ' or '\u007F' => text.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }

    private static bool HasPercentEscape(string text)
    {
        for (var i = text.IndexOf('%', StringComparison.Ordinal); i >= 0 && i + 2 < text.Length; i = text.IndexOf('%', i + 1))
        {
            if (char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                return true;
            }
        }

        return false;
    }
}
