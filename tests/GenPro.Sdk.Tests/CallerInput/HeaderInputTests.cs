using FsCheck.Fluent;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.CallerInput;

/// <summary>
/// Header names and values and request ids a caller puts in <see cref="GenProRequestOptions"/>: each is sent exactly as
/// given (read back from the raw request on a loopback listener) or refused before sending with an
/// <see cref="ArgumentException"/> (<c>requestOptions</c>) naming the option.
/// </summary>
public sealed class HeaderInputTests() : RecordingOnBothPaths(Samples.Agent)
{
    /// <summary>Headers the SDK owns or that frame the message: refused whatever their value (docs/validation.md).</summary>
    public static readonly string[] Refused =
    [
        "X-API-Key", "x-api-key", "Host", "HOST", "Content-Type", "Content-Length", "content-disposition", "Content-Encoding", "X-Request-Id",
        "Transfer-Encoding", "transfer-encoding", "Connection", "Upgrade", "TE", "Trailer", "Keep-Alive", "Expect",
    ];

    private static readonly string TokenChars = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    [Fact]
    public void Any_header_name_and_value_is_sent_exactly_or_refused_naming_the_headers()
    {
        var token = Gen.ArrayOf(Gen.Elements(TokenChars.ToCharArray())).Where(a => a.Length > 0).Select(a => "X-" + new string(a));
        var name = Gen.OneOf(token, token, Gen.Elements(Refused), CallerInputCases.AnyText(), Gen.Elements("", "X Bad", "X:Bad", "X-\r\nInjected", "Ünicode", "X-\0"));
        var visible = Gen.ArrayOf(Gen.Choose(0x21, 0x7E).Select(c => (char)c)).Select(a => new string(a));
        var value = Gen.OneOf(visible, visible, Gen.Elements("a b", "a\tb", "", "v\r\nX-Injected: 1", "v\n", "é", "\u0085", "x\0"), CallerInputCases.AnyText());
        var gen = from n in name from v in value from di in Gen.Elements(false, true) select (Name: n, Value: v, Client: di ? Di : Constructed);

        CallerInputCases.ForAll(gen, c =>
        {
            var options = new GenProRequestOptions { Headers = { [c.Name] = c.Value } };
            var before = Server.Requests.Count;
            if (Refused.Contains(c.Name, StringComparer.OrdinalIgnoreCase) || !IsToken(c.Name) || !IsValue(c.Value))
            {
                var e = Refusals.Refused(() => c.Client.Agents.GetAsync(42, false, options), "requestOptions");
                e.Message.Should().Contain("GenProRequestOptions.Headers");
                Server.Requests.Should().HaveCount(before);
                return;
            }

            c.Client.Agents.GetAsync(42, false, options).GetAwaiter().GetResult().Id.Should().Be(42);
            Server.Requests.Should().HaveCount(before + 1);
            Server.Requests[^1].Headers[c.Name.ToLowerInvariant()].Should().Be(c.Value.Trim(' ', '\t'), "the header arrives as given (less the optional white space HTTP trims)");
        });
    }

    [Fact]
    public void Any_request_id_is_sent_exactly_or_refused_naming_it()
    {
        var allowed = Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_@".ToCharArray());
        var valid = Gen.ArrayOf(allowed).Where(a => a.Length is > 0 and <= 255).Select(a => new string(a));
        var gen =
            from id in Gen.OneOf(valid, valid, CallerInputCases.AnyText(), Gen.Elements("", " ", "a b", "id\r\nX-Injected: 1", new string('a', 255), new string('a', 256), "ü", "a.b"))
            from di in Gen.Elements(false, true)
            select (Id: id, Client: di ? Di : Constructed);

        CallerInputCases.ForAll(gen, c =>
        {
            var options = new GenProRequestOptions { RequestId = c.Id };
            var before = Server.Requests.Count;
            var ok = c.Id.Length is > 0 and <= 255 && c.Id.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '@');
            if (!ok)
            {
                Refusals.Refused(() => c.Client.Agents.GetAsync(42, false, options), "requestOptions").Message.Should().Contain("GenProRequestOptions.RequestId");
                Server.Requests.Should().HaveCount(before);
                return;
            }

            c.Client.Agents.GetAsync(42, false, options).GetAwaiter().GetResult();
            Server.Requests.Should().HaveCount(before + 1);
            Server.Requests[^1].Headers["x-request-id"].Should().Be(c.Id);
        });
    }

    private static bool IsToken(string name) => name.Length > 0 && name.All(TokenChars.Contains);

    private static bool IsValue(string value) => value.All(ch => ch is '\t' or (>= ' ' and <= '~'));
}
