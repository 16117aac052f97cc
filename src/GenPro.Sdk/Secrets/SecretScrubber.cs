namespace GenPro.Sdk.Secrets;

/// <summary>
/// Removes the client's API key, and the provider keys a request sent, from text that came back from the server
/// (an echoed header or field in an error page, a path a redirect named, a JSON error's path), so that they cannot
/// reach an exception message, a log or a trace.
/// </summary>
/// <remarks>
/// A server may echo a secret in an escaped form, so each character of a secret also matches its JSON escapes
/// (<c>\u003c</c> in either hex case, <c>\"</c>, <c>\\</c>, <c>\/</c>; a backslash also as the slash a URL path makes of it) and its percent-encoding (<c>%3C</c>/<c>%3c</c>,
/// the UTF-8 bytes of a non-ASCII character), in any mix. A secret cut off at the end of a text (a body capped
/// mid-key) is removed too, once at least <see cref="MinTrailingMatch"/> of its characters are there.
/// </remarks>
internal sealed class SecretScrubber(Func<string?> apiKey)
{
    internal const string Redacted = "[REDACTED]";

    /// <summary>How much of a secret cut off by the end of a text is enough to remove it (fewer says nothing useful).</summary>
    internal const int MinTrailingMatch = 4;

    private readonly Func<string?> _apiKey = apiKey; // read on every use: the key may be rotated

    public string? Scrub(string? text, string[]? requestSecrets = null)
    {
        text = Remove(text, _apiKey() ?? string.Empty);
        if (requestSecrets is not null)
        {
            foreach (var secret in requestSecrets)
            {
                text = Remove(text, secret);
            }
        }

        return text;
    }

    /// <summary>Whether <paramref name="text"/> holds a secret, in any form <see cref="Scrub"/> removes.</summary>
    public bool Reveals(string? text, string[]? requestSecrets = null) =>
        !ReferenceEquals(Scrub(text, requestSecrets), text);

    /// <summary>Returns <paramref name="text"/> itself when it holds no form of <paramref name="secret"/>, so the common case allocates nothing.</summary>
    private static string? Remove(string? text, string? secret)
    {
        if (text is null || string.IsNullOrEmpty(secret))
        {
            return text;
        }

        System.Text.StringBuilder? scrubbed = null;
        var copied = 0;
        for (var i = 0; i < text.Length;)
        {
            var end = MatchAt(text, i, secret);
            if (end < 0)
            {
                i++;
                continue;
            }

            scrubbed ??= new System.Text.StringBuilder(text.Length);
            scrubbed.Append(text, copied, i - copied).Append(Redacted);
            copied = i = end;
        }

        return scrubbed is null ? text : scrubbed.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Where a form of <paramref name="secret"/> starting at <paramref name="start"/> ends; -1 when none starts there.</summary>
    private static int MatchAt(string text, int start, string secret) => MatchFrom(text, start, secret, 0);

    /// <summary>
    /// Matches <paramref name="secret"/> from its character <paramref name="s"/> on. A character can be written more than
    /// one way at the same place (a backslash, raw, starts the escape <c>\\</c>), so each way is tried in turn; the
    /// depth is the secret's length.
    /// </summary>
    private static int MatchFrom(string text, int position, string secret, int s)
    {
        if (s == secret.Length)
        {
            return position;
        }

        if (position == text.Length)
        {
            // The text ends inside the secret: remove what is there if it is enough to matter.
            return s >= Math.Min(MinTrailingMatch, secret.Length) ? position : -1;
        }

        var c = secret[s];
        var t = text[position];
        int end;
        if ((t == c || (c == '\\' && t == '/')) && (end = MatchFrom(text, position + 1, secret, s + 1)) >= 0)
        {
            // A slash stands for a backslash because Uri turns one in an http path into the other.
            return end;
        }

        if (t == '\\' && position + 1 < text.Length)
        {
            var escape = text[position + 1];
            if (escape == 'u' && TryHex(text, position + 2, 4, out var unit) && unit == c
                && (end = MatchFrom(text, position + 6, secret, s + 1)) >= 0)
            {
                return end;
            }

            if (escape == c && (c is '"' or '\\' or '/') && (end = MatchFrom(text, position + 2, secret, s + 1)) >= 0)
            {
                return end;
            }
        }

        return t == '%' && MatchPercent(text, position, c) is var next and >= 0 ? MatchFrom(text, next, secret, s + 1) : -1;
    }

    /// <summary>Matches the percent-encoded UTF-8 bytes of <paramref name="c"/> (a lone surrogate has none and never matches).</summary>
    private static int MatchPercent(string text, int at, char c)
    {
        if (char.IsSurrogate(c))
        {
            return -1;
        }

        Span<byte> utf8 = stackalloc byte[3];
        var count = new System.Text.Rune(c).EncodeToUtf8(utf8);
        var position = at;
        for (var b = 0; b < count; b++)
        {
            if (position >= text.Length || text[position] != '%' || !TryHex(text, position + 1, 2, out var value) || value != utf8[b])
            {
                return -1;
            }

            position += 3;
        }

        return position;
    }

    private static bool TryHex(string text, int start, int digits, out int value)
    {
        value = 0;
        if (start + digits > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + digits; i++)
        {
            var digit = HexValue(text[i]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
