using FsCheck;
using FsCheck.Fluent;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.CallerInput;

/// <summary>
/// Every client setting over the values a caller may write (zero, negative, tiny, huge, <c>MaxValue</c>,
/// <c>MinValue</c>, <see cref="Timeout.InfiniteTimeSpan"/>), on both construction paths: refused when the client is
/// built (constructor: <see cref="ArgumentException"/> <c>options</c>; DI: <c>OptionsValidationException</c>) with a
/// message naming the setting, or the client works and its call reaches the wire; a limit too small to be met ends the
/// call with the documented exception naming that limit.
/// </summary>
public sealed class OptionValueTests : IDisposable
{
    private static readonly TimeSpan[] Spans =
    [
        TimeSpan.Zero, TimeSpan.FromTicks(-1), TimeSpan.FromDays(-1), TimeSpan.MinValue, Timeout.InfiniteTimeSpan,
        TimeSpan.FromTicks(1), TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(100), TimeSpan.FromDays(1),
        TimeSpan.FromDays(1) + TimeSpan.FromTicks(1), TimeSpan.FromDays(49), TimeSpan.FromDays(50), TimeSpan.FromDays(60), TimeSpan.MaxValue,
    ];

    private readonly LoopbackServer _server = LoopbackServer.Recording(json: "[]");

    public void Dispose() => _server.Dispose();

    private enum Outcome
    {
        Works,
        Refused,
        MayTimeOut,
        TooLarge,
    }

    /// <summary>One setting set to one value, and what the documentation says follows.</summary>
    private sealed record Case(string Setting, string Value, Action<GenProClientOptions> Apply, Outcome Expected, string Path)
    {
        public override string ToString() => $"{Setting} = {Value} on {Path}: {Expected}";
    }

    private static Gen<Case> Cases(string path)
    {
        static bool Positive(TimeSpan t) => t > TimeSpan.Zero || t == Timeout.InfiniteTimeSpan;
        static Outcome Limit(TimeSpan t) => !Positive(t) ? Outcome.Refused : t != Timeout.InfiniteTimeSpan && t <= TimeSpan.FromMilliseconds(1) ? Outcome.MayTimeOut : Outcome.Works;
        var oneDay = TimeSpan.FromDays(1);
        return Gen.OneOf(
            Gen.Elements(Spans).Select(t => new Case("GenProClientOptions.Timeout", $"{t}", o => o.Timeout = t, Limit(t), path)),
            Gen.Elements(Spans).Select(t => new Case("GenProClientOptions.Retry.AttemptTimeout", $"{t}", o => o.Retry.AttemptTimeout = t, Limit(t), path)),
            Gen.Elements(Spans).Select(t => new Case(
                "GenProClientOptions.Retry.BaseDelay", $"{t}", o => o.Retry.BaseDelay = t, t < TimeSpan.Zero || t > oneDay ? Outcome.Refused : Outcome.Works, path)),
            Gen.Elements(Spans).Select(t => new Case(
                "GenProClientOptions.Retry.MaxDelay", $"{t}", o => o.Retry.MaxDelay = t, t <= TimeSpan.Zero || t > oneDay ? Outcome.Refused : Outcome.Works, path)),
            Gen.Elements(int.MinValue, -1, 0, 1, 10, 11, int.MaxValue).Select(n => new Case(
                "GenProClientOptions.Retry.MaxRetries", $"{n}", o => o.Retry.MaxRetries = n, n is < 0 or > 10 ? Outcome.Refused : Outcome.Works, path)),
            Gen.Elements(long.MinValue, -1L, 0L, 1L, 2L, 1024L, long.MaxValue).Select(n => new Case(
                "GenProClientOptions.MaxResponseBodySize", $"{n}", o => o.MaxResponseBodySize = n, n <= 0 ? Outcome.Refused : n < 2 ? Outcome.TooLarge : Outcome.Works, path)),
            Gen.Elements("app", "my-app/1.0", new string('a', 64), new string('a', 65), "a b", "ü", "a\r\nX-Injected: 1", "\t").Select(id => new Case(
                "GenProClientOptions.ApplicationId", CallerInputCases.Printable(id), o => o.ApplicationId = id,
                id.Length > 64 || id.Any(c => c is <= ' ' or > '~') ? Outcome.Refused : Outcome.Works, path)));
    }

    [Fact]
    public void Any_setting_at_any_extreme_is_refused_naming_it_or_the_client_works()
    {
        var gen = from path in Gen.Elements(ClientPaths.Constructed, ClientPaths.DependencyInjection) from c in Cases(path) select c;

        CallerInputCases.ForAll(gen, c =>
        {
            var options = ApiServer.FastOptions(_server.BaseAddress);
            c.Apply(options);
            var before = _server.Requests.Count;
            TestClient client;
            try
            {
                client = ClientPaths.Create(c.Path, options);
            }
            catch (Exception e) when (c.Expected == Outcome.Refused)
            {
                if (c.Path == ClientPaths.Constructed)
                {
                    e.Should().BeOfType<ArgumentException>().Which.ParamName.Should().Be("options");
                }
                else
                {
                    e.Should().BeOfType<Microsoft.Extensions.Options.OptionsValidationException>();
                }

                e.Message.Should().Contain(c.Setting);
                e.Message.Should().NotContain(ApiServer.ApiKey);
                _server.Requests.Should().HaveCount(before);
                return;
            }

            using (client)
            {
                c.Expected.Should().NotBe(Outcome.Refused, "the client was built");
                try
                {
                    client.Agents.ListAsync().GetAwaiter().GetResult().Should().BeEmpty();
                    c.Expected.Should().NotBe(Outcome.TooLarge);
                }
                catch (GenProConnectionException e) when (c.Expected == Outcome.MayTimeOut)
                {
                    e.Message.Should().Contain("timed out");
                }
                catch (GenProApiException e) when (c.Expected == Outcome.TooLarge)
                {
                    e.Message.Should().Contain("GenProClientOptions.MaxResponseBodySize");
                }
            }

            if (c.Expected == Outcome.Works)
            {
                _server.Requests.Should().HaveCount(before + 1);
                var request = _server.Requests[^1];
                (request.Method + " " + request.Target).Should().Be("GET /v1/agents");
                request.Headers["x-api-key"].Should().Be(ApiServer.ApiKey);
            }
        });
    }
}
