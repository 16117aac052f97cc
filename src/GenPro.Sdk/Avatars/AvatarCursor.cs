using System.Globalization;
using System.Text;

namespace GenPro.Sdk.Avatars;

/// <summary>
/// Where an avatar listing resumes: the <c>cursor</c> to send, and the ids above it already yielded (the primary
/// avatar, listed first whatever its id), so a resumed listing skips them as the original would have.
/// As a token: the cursor in decimal, then each such id after an underscore (<c>19_45</c>).
/// </summary>
internal readonly record struct AvatarCursor(long Cursor, IReadOnlyList<long> SeenAbove)
{
    /// <summary>More ids than this after the cursor means the token was not issued by the SDK.</summary>
    private const int MaxSeenAbove = 64;

    public string ToToken()
    {
        if (SeenAbove.Count == 0)
        {
            return Cursor.ToString(CultureInfo.InvariantCulture);
        }

        var token = new StringBuilder().Append(Cursor.ToString(CultureInfo.InvariantCulture));
        foreach (var id in SeenAbove)
        {
            token.Append('_').Append(id.ToString(CultureInfo.InvariantCulture));
        }

        return token.ToString();
    }

    /// <summary>Null for a null token (start at the beginning).</summary>
    public static AvatarCursor? Parse(string? token, string paramName)
    {
        if (token is null)
        {
            return null;
        }

        var parts = token.Split('_');
        if (parts.Length > MaxSeenAbove + 1 || !TryParseId(parts[0], out var cursor))
        {
            throw BadToken(paramName);
        }

        var seen = new long[parts.Length - 1];
        for (var i = 1; i < parts.Length; i++)
        {
            if (!TryParseId(parts[i], out seen[i - 1]) || seen[i - 1] <= cursor)
            {
                throw BadToken(paramName);
            }
        }

        return new AvatarCursor(cursor, seen);
    }

    private static bool TryParseId(string text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    private static ArgumentException BadToken(string paramName) =>
        new("The continuation token is not one an avatar listing issued (Page.ContinuationToken).", paramName);
}
