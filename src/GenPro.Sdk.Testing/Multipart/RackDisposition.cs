using System.Text;
using System.Text.RegularExpressions;

namespace GenPro.Sdk.Testing.Multipart;

/// <summary>
/// A part's name and file name read from its <c>Content-Disposition</c> as Rack 2.2 reads them
/// (<c>Rack::Multipart::Parser#get_filename</c> and <c>get_data</c>, the parser Rails uses), so the fake sees the
/// <c>original_filename</c> a Rails app would: <c>filename</c> before <c>filename*</c>, raw UTF-8 kept, percent escapes
/// decoded when every <c>%</c> starts one, <c>\x</c> unescaped unless a backslash precedes another character, and
/// only the part after the last <c>/</c> or <c>\</c> kept.
/// </summary>
internal static partial class RackDisposition
{
    private const string Token = @"[^\s()<>,;:\\""/\[\]?=]+";
    private const string Value = @"""(?:\\""|[^""])*""|" + Token;
    private const string AttributeChar = @"[^ \x00-\x1f\x7f)(><@,;:\\""/\[\]?='*%]";
    private const string RegularParameter = "(" + AttributeChar + @"+(?:\*[0-9]+)?)=(" + Value + ")";
    private const string ExtendedOtherValue = "%[0-9a-fA-F]{2}|" + AttributeChar;
    private const string ExtendedInitialParameter =
        "(" + AttributeChar + @"+(?:\*0)?\*)=([a-zA-Z0-9\-]*'[a-zA-Z0-9\-]*'(?:" + ExtendedOtherValue + ")*)";
    private const string ExtendedOtherParameter = "(" + AttributeChar + @"+\*[1-9][0-9]*\*)=((?:" + ExtendedOtherValue + ")*)";
    private const string DispParm = @";\s*(?:" + RegularParameter + "|" + ExtendedInitialParameter + "|" + ExtendedOtherParameter + @")\s*";
    private const string ConDisp = @"Content-Disposition:\s*" + Token + @"\s*";

    /// <summary>Rack's part name (<c>MULTIPART_CONTENT_DISPOSITION</c>, dequoted), or null.</summary>
    public static string? Name(string disposition)
    {
        var match = NamePattern().Match("Content-Disposition: " + disposition);
        return match.Success ? Dequote(match.Groups[1].Value) : null;
    }

    /// <summary>Rack's file name for the part, or null when the part is a plain field.</summary>
    public static string? FileName(string disposition)
    {
        var head = "Content-Disposition: " + disposition;
        string? fileName = null;
        if (Rfc2183().IsMatch(head))
        {
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match m in DispParmPattern().Matches(head))
            {
                var (key, value) = Enumerable.Range(0, 3).Select(i => (m.Groups[1 + (2 * i)], m.Groups[2 + (2 * i)])).First(g => g.Item1.Success);
                parameters[key.Value] = value.Value; // Hash[*pairs]: a repeated key keeps the last value
            }

            if (parameters.TryGetValue("filename", out var plain))
            {
                fileName = Unquote(plain);
            }
            else if (parameters.TryGetValue("filename*", out var extended))
            {
                var pieces = extended.Split('\'', 3);
                fileName = pieces.Length == 3 ? pieces[2] : null;
            }
        }
        else if (Broken().Match(head) is { Success: true } broken)
        {
            fileName = Unquote(broken.Groups[1].Value);
        }

        if (fileName is null)
        {
            return null;
        }

        if (PercentRun().Matches(fileName).All(m => ValidEscape().IsMatch(m.Value)))
        {
            fileName = PercentDecode(fileName);
        }

        if (!BackslashBeforeOther().IsMatch(fileName))
        {
            fileName = BackslashPair().Replace(fileName, "$1");
        }

        if (fileName.Length == 0)
        {
            return fileName; // no file chosen: the part is dropped
        }

        // "Take the basename": Ruby's split drops trailing empty pieces, and nothing left is a nil name.
        var pieces2 = fileName.Split('/', '\\');
        var last = pieces2.LastOrDefault(p => p.Length > 0);
        return last ?? string.Empty;
    }

    private static string Unquote(string value) => value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

    /// <summary><c>Rack::Auth::Digest::Params.dequote</c>: strips surrounding quotes and unescapes <c>\x</c>.</summary>
    private static string Dequote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? BackslashPair().Replace(value[1..^1], "$1") : value;

    /// <summary>Decodes <c>%XX</c> to bytes and the whole back as UTF-8, as Rails reads <c>original_filename</c>.</summary>
    private static string PercentDecode(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var bytes = new List<byte>(utf8.Length);
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == '%' && i + 2 < utf8.Length && IsHex(utf8[i + 1]) && IsHex(utf8[i + 2]))
            {
                bytes.Add(Convert.ToByte(Encoding.ASCII.GetString(utf8, i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add(utf8[i]);
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);

        static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);
    }

    [GeneratedRegex("^" + ConDisp + "(?:" + DispParm + ")+$", RegexOptions.IgnoreCase)]
    private static partial Regex Rfc2183();

    [GeneratedRegex(DispParm)]
    private static partial Regex DispParmPattern();

    [GeneratedRegex("^" + ConDisp + ".*;\\s*filename=(" + Value + ")", RegexOptions.IgnoreCase)]
    private static partial Regex Broken();

    [GeneratedRegex("Content-Disposition:[^:]*;\\s*name=(" + Value + ")", RegexOptions.IgnoreCase)]
    private static partial Regex NamePattern();

    [GeneratedRegex("%.?.?", RegexOptions.Singleline)]
    private static partial Regex PercentRun();

    [GeneratedRegex("^%[0-9a-fA-F]{2}")]
    private static partial Regex ValidEscape();

    [GeneratedRegex(@"\\[^\\""]", RegexOptions.Singleline)]
    private static partial Regex BackslashBeforeOther();

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex BackslashPair();
}
