using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Security;

/// <summary>
/// Property: whatever status and body come back, every endpoint either succeeds or throws a <see cref="GenProException"/>.
/// Bodies are the reference's examples mutated (bytes flipped, cut, spliced) or plain noise.
/// Cases run over an in-memory handler: thousands of sockets would measure the kernel, not the SDK; the
/// transport failures themselves are covered over real sockets in <see cref="HostileResponseTests"/>.
/// Set GENPRO_FUZZ_CASES (default 400) for a long run, e.g. GENPRO_FUZZ_CASES=200000.
/// </summary>
public sealed class ResponseFuzzTests
{
    private static readonly string[] Seeds =
    [
        Samples.AgentList, Samples.Agent, Samples.CreatedAgent, Samples.UpdatedAgent,
        Samples.Error("Agent not found", "agent_not_found"), "[]", "{}", "null", "",
        """[{"id": 101, "is_primary": true, "url": "https://cdn.gen.pro/a.webp", "thumbnail_url": null, "degod_avatar_id": 7}]""",
    ];

    private static readonly int[] Statuses =
        [100, 101, 200, 201, 202, 204, 206, 299, 301, 302, 304, 307, 400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504, 599, 600, 999];

    /// <summary>The SDK calls under test, with valid arguments: only the response may be hostile.</summary>
    public static readonly Func<GenProClient, Task>[] Operations =
    [
        c => c.Agents.ListAsync(),
        c => c.Agents.ListAsync(10),
        c => c.Agents.CreateAsync(new CreateAgentRequest { Name = "A", ElevenLabsApiKey = "el_key" }),
        c => c.Agents.GetAsync(42, includeOrganizationUuid: true),
        c => c.Agents.UpdateAsync(42, new UpdateAgentRequest { DefaultVoice = DefaultVoiceSelection.HumeAi("v") }),
        c => c.Agents.DeleteAsync(42),
    ];

    [Fact]
    public void Every_endpoint_survives_any_status_and_body()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("GENPRO_FUZZ_CASES"), out var n) ? n : 400;
        var property = Prop.ForAll(Arb.From(CaseGen()), Survives);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true), property);
    }

    private static bool Survives(FuzzCase fuzz)
    {
        using var handler = new CannedHandler(fuzz.Status, fuzz.Body);
        using var client = new GenProClient(ApiServer.FastOptions(new Uri("https://api.gen.pro/v1/")), handler);
        try
        {
            Operations[fuzz.Operation](client).GetAwaiter().GetResult();
            return true;
        }
        catch (GenProException e)
        {
            return e.ToString().Contains(ApiServer.ApiKey, StringComparison.Ordinal)
                ? throw new InvalidOperationException($"The key leaked for {fuzz}")
                : true;
        }
    }

    private static Gen<FuzzCase> CaseGen() =>
        from operation in Gen.Choose(0, Operations.Length - 1)
        from status in Gen.Elements(Statuses)
        from body in Gen.OneOf(MutatedSeed(), Noise(), Gen.Elements(Seeds).Select(Encoding.UTF8.GetBytes))
        select new FuzzCase(operation, status, body);

    private static Gen<byte[]> Noise() => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b));

    private static Gen<byte[]> MutatedSeed() =>
        from seed in Gen.Elements(Seeds).Select(Encoding.UTF8.GetBytes)
        from position in Gen.Choose(0, 10_000)
        from value in Gen.Choose(0, 255)
        from kind in Gen.Choose(0, 3)
        select Mutate(seed, position, (byte)value, kind);

    private static byte[] Mutate(byte[] seed, int position, byte value, int kind)
    {
        if (seed.Length == 0)
        {
            return [value];
        }

        var at = position % seed.Length;
        return kind switch
        {
            0 => [.. seed[..at], value, .. seed[(at + 1)..]],                 // flip a byte
            1 => seed[..at],                                                // cut short
            2 => [.. seed[..at], .. "\"id\": \"x\", "u8, .. seed[at..]],   // splice in a wrong-typed field
            _ => [.. seed[..at], .. seed[..at], .. seed[at..]],             // repeat a run
        };
    }

    public sealed record FuzzCase(int Operation, int Status, byte[] Body)
    {
        public override string ToString() => $"op {Operation}, status {Status}, body \"{Encoding.UTF8.GetString(Body)}\"";
    }

    /// <summary>Answers every request with one canned status and body.</summary>
    private sealed class CannedHandler(int status, byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage((HttpStatusCode)status)
            {
                Content = new ByteArrayContent(body),
                RequestMessage = request,
            });
    }
}
