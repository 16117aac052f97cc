using System.Buffers.Binary;

namespace GenPro.Sdk.Avatars;

/// <summary>
/// Where an avatar listing resumes: the <c>cursor</c> to send, and the ids above it already yielded (the primary
/// avatar, listed first whatever its id), so a resumed listing skips them as the original would have.
/// </summary>
/// <remarks>
/// As a token (<see cref="Page{T}.ContinuationToken"/>): base64url, without padding, of a format version, the agent id
/// whose listing issued it, the cursor, the ids above it (as distances from the cursor), each a LEB128 varint, and a
/// 32-bit FNV-1a checksum of all that. Compact (12 characters for a typical page) and URL-safe; bound to its listing, so
/// a token of another agent's listing, a token of another format, a made-up or a mangled one is refused
/// (<see cref="ArgumentException"/>) before any request. It is not signed: it grants nothing (the server authorises
/// every page by the API key), must resume in another process or SDK version, and a key built into the SDK would be
/// no secret; the checksum is there to refuse tokens the SDK did not issue, not to resist someone forging one for
/// their own listing, which could only make that listing skip avatars the caller can list anyway.
/// </remarks>
internal readonly record struct AvatarCursor(long Cursor, IReadOnlyList<long> SeenAbove)
{
    /// <summary>The token format; a change of layout takes the next number, and older tokens are refused.</summary>
    private const byte FormatVersion = 1;

    /// <summary>More ids than this after the cursor means the token was not issued by the SDK (a page holds 20).</summary>
    private const int MaxSeenAbove = 64;

    /// <summary>The most bytes a token holds: the version, every field a 10-byte varint, the checksum.</summary>
    private const int MaxTokenBytes = 1 + (10 * 3) + (10 * MaxSeenAbove) + ChecksumLength;

    /// <summary>The longest token the SDK can issue, as base64url characters.</summary>
    private const int MaxTokenLength = (MaxTokenBytes + 2) / 3 * 4;

    private const int ChecksumLength = 4;

    /// <summary>The token for resuming the listing of <paramref name="agentId"/> here (written on the stack: one string per page).</summary>
    public string ToToken(long agentId)
    {
        // More ids than a token the SDK reads can carry only after resuming from a hand-made one: written all the same.
        Span<byte> bytes = SeenAbove.Count <= MaxSeenAbove ? stackalloc byte[MaxTokenBytes] : new byte[MaxTokenBytes + (10 * SeenAbove.Count)];
        var length = 0;
        bytes[length++] = FormatVersion;
        WriteVarint(bytes, ref length, (ulong)agentId);
        WriteVarint(bytes, ref length, (ulong)Cursor);
        WriteVarint(bytes, ref length, (ulong)SeenAbove.Count);
        for (var i = 0; i < SeenAbove.Count; i++) // indexed: no boxed enumerator per page
        {
            WriteVarint(bytes, ref length, (ulong)(SeenAbove[i] - Cursor));
        }

        BinaryPrimitives.WriteUInt32LittleEndian(bytes[length..], Fnv1a(bytes[..length]));
        return Base64UrlEncode(bytes[..(length + ChecksumLength)]);
    }

    /// <summary>The cursor in <paramref name="token"/>, issued by the listing of <paramref name="agentId"/>; null for a null token (start at the beginning).</summary>
    public static AvatarCursor? Parse(string? token, long agentId, string paramName)
    {
        if (token is null)
        {
            return null;
        }

        if (token.Length is 0 or > MaxTokenLength || Base64UrlDecode(token) is not { Length: > ChecksumLength } bytes)
        {
            throw BadToken(paramName, "it is not one an avatar listing issued (Page.ContinuationToken)");
        }

        var body = bytes.AsSpan(0, bytes.Length - ChecksumLength);
        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(body.Length)) != Fnv1a(body) || body[0] != FormatVersion)
        {
            throw BadToken(paramName, "it is not one an avatar listing of this SDK issued (Page.ContinuationToken), or it was altered");
        }

        var at = 1;
        if (!TryReadId(body, ref at, out var issuer) || !TryReadId(body, ref at, out var cursor) || !TryReadVarint(body, ref at, out var count) || count > MaxSeenAbove)
        {
            throw BadToken(paramName, "it is not one an avatar listing issued (Page.ContinuationToken)");
        }

        if (issuer != agentId)
        {
            throw BadToken(paramName, "it was issued by the avatar listing of another agent; a token resumes only the listing that issued it");
        }

        var seen = new long[count];
        for (var i = 0; i < seen.Length; i++)
        {
            if (!TryReadVarint(body, ref at, out var distance) || distance is 0 or > long.MaxValue || (long)distance > long.MaxValue - cursor)
            {
                throw BadToken(paramName, "it is not one an avatar listing issued (Page.ContinuationToken)");
            }

            seen[i] = cursor + (long)distance;
        }

        var parsed = new AvatarCursor(cursor, seen);
        if (at != body.Length || parsed.ToToken(agentId) != token)
        {
            // Trailing bytes, or a spelling the SDK never writes (an over-long varint, base64 padding bits): not issued by it.
            throw BadToken(paramName, "it is not one an avatar listing issued (Page.ContinuationToken)");
        }

        return parsed;
    }

    private static ArgumentException BadToken(string paramName, string why) => new($"The continuation token was refused: {why}.", paramName);

    private static bool TryReadId(ReadOnlySpan<byte> bytes, ref int at, out long id)
    {
        var ok = TryReadVarint(bytes, ref at, out var value) && value is > 0 and <= long.MaxValue;
        id = ok ? (long)value : 0;
        return ok;
    }

    private static void WriteVarint(Span<byte> bytes, ref int length, ulong value)
    {
        while (value >= 0x80)
        {
            bytes[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        bytes[length++] = (byte)value;
    }

    private static bool TryReadVarint(ReadOnlySpan<byte> bytes, ref int at, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && at < bytes.Length; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return shift < 63 || b <= 1;
            }
        }

        return false;
    }

    private static uint Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    private static string Base64UrlEncode(ReadOnlySpan<byte> bytes) =>
#if NET9_0_OR_GREATER
        System.Buffers.Text.Base64Url.EncodeToString(bytes);
#else
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
#endif

    /// <summary>Null unless <paramref name="token"/> is base64url without padding (<c>A–Z a–z 0–9 - _</c>).</summary>
    private static byte[]? Base64UrlDecode(string token)
    {
        if (token.Length % 4 == 1)
        {
            return null;
        }

        var standard = new char[token.Length + ((4 - (token.Length % 4)) % 4)];
        for (var i = 0; i < standard.Length; i++)
        {
            var c = i < token.Length ? token[i] : '=';
            standard[i] = c switch
            {
                >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' => c,
                '-' => '+',
                '_' => '/',
                '=' when i >= token.Length => '=',
                _ => '\0',
            };
            if (standard[i] == '\0')
            {
                return null;
            }
        }

        var bytes = new byte[standard.Length / 4 * 3];
        return Convert.TryFromBase64Chars(standard, bytes, out var written) ? bytes[..written] : null;
    }
}
