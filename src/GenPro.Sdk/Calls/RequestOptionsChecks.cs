using GenPro.Sdk.Operations;

namespace GenPro.Sdk.Calls;

/// <summary>Checks a <see cref="GenProRequestOptions"/> before anything is sent, so a bad one costs no request.</summary>
internal static class RequestOptionsChecks
{
    public const int MaxRequestIdLength = 255;

    /// <summary>
    /// A copy of <paramref name="options"/> taken when the call starts, checked: the call (every retry, redirect hop and,
    /// for a listing, every page) reads only the copy, so a change the caller makes later (a header holding CR/LF, an
    /// <c>X-API-Key</c>, a new request id) never reaches the wire unchecked. Copying first and checking the copy leaves
    /// no moment between the check and the use. The hook is the same delegate.
    /// </summary>
    public static GenProRequestOptions? Checked(GenProRequestOptions? options, string paramName)
    {
        if (options is null)
        {
            return null;
        }

        var copy = new GenProRequestOptions { RequestId = options.RequestId, Timeout = options.Timeout, OnResponse = options.OnResponse };
        foreach (var (name, value) in options.Headers)
        {
            copy.Headers.Add(name, value);
        }

        ThrowIfInvalid(copy, paramName);
        return copy;
    }

    private static void ThrowIfInvalid(GenProRequestOptions options, string paramName)
    {

        if (options.RequestId is { } id && !IsRequestId(id))
        {
            throw new ArgumentException(
                $"GenProRequestOptions.RequestId must be 1 to {MaxRequestIdLength} letters, digits, '-', '_' or '@' "
                + "(what the server keeps unchanged when it logs the id).", paramName);
        }

        if (options.Timeout is { } timeout && timeout <= TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("GenProRequestOptions.Timeout must be positive, Timeout.InfiniteTimeSpan or null.", paramName);
        }

        foreach (var (name, value) in options.Headers)
        {
            if (IsFraming(name))
            {
                throw new ArgumentException(
                    $"GenProRequestOptions.Headers may not set '{name}': Transfer-Encoding, Connection, Upgrade, TE, Trailer, "
                    + "Keep-Alive and Expect frame the message or govern the connection, which HttpClient owns (a caller's "
                    + "Transfer-Encoding went out beside Content-Length, which RFC 9112 forbids).", paramName);
            }

            if (IsReserved(name))
            {
                throw new ArgumentException(
                    $"GenProRequestOptions.Headers may not set '{name}': X-API-Key, Host and Content-* belong to the SDK, "
                    + "and X-Request-Id is set through GenProRequestOptions.RequestId.", paramName);
            }

            if (!IsToken(name) || value is null || !IsHeaderValue(value))
            {
                throw new ArgumentException(
                    $"GenProRequestOptions.Headers has a header named '{Printable(name)}' whose name is not an HTTP token or whose value "
                    + "is null or holds control characters or non-ASCII.", paramName);
            }
        }
    }

    public static bool IsRequestId(string id)
    {
        if (id.Length is 0 or > MaxRequestIdLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '@'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Framing and hop-by-hop headers (RFC 9110 §7.6.1, RFC 9112 §6): how the message is delimited and the connection kept.</summary>
    private static bool IsFraming(string name) =>
        name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Connection", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase)
        || name.Equals("TE", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Trailer", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Keep-Alive", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Expect", StringComparison.OrdinalIgnoreCase);

    private static bool IsReserved(string name) =>
        name.Equals("X-API-Key", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Host", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
        || name.Equals(OperationContext.RequestIdHeader, StringComparison.OrdinalIgnoreCase);

    private static bool IsToken(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHeaderValue(string value)
    {
        foreach (var c in value)
        {
            if (c is (< ' ' and not '\t') or > '~')
            {
                return false;
            }
        }

        return true;
    }

    private static string Printable(string name) => IsToken(name) ? name : "(not printable)";
}
