using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using GenPro.Sdk.Tests.Infrastructure;
using static GenPro.Sdk.Tests.Security.SecretLeakTests;

namespace GenPro.Sdk.Tests.Security;

/// <summary>
/// Issue 11 item 8: <see cref="GenProClientOptions.Timeout"/> bounds the whole call, the body read included, on every
/// endpoint that reads a body and on every page of a listing. Each runaway server is one a call used to outlive; each
/// test has a hard bound, so a regression fails instead of hanging.
/// </summary>
public sealed class TimeoutTests
{
    internal static readonly TimeSpan HardBound = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public static TheoryData<string, Construction> Operations()
    {
        var data = new TheoryData<string, Construction>();
        foreach (var operation in new[] { "Agents.List", "Agents.Get", "Agents.Create", "Agents.Update", "Avatars.List page 1", "Avatars.List page 2" })
        {
            data.Add(operation, Construction.Constructor);
            data.Add(operation, Construction.DependencyInjection);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_body_that_drips_forever_ends_at_the_timeout(string operation, Construction construction)
    {
        var pageTwo = operation.EndsWith("page 2", StringComparison.Ordinal);
        using var server = LoopbackServer.Scripted(async (head, stream) =>
        {
            if (pageTwo && !head.Contains("cursor=", StringComparison.Ordinal))
            {
                await Write(stream, Response(200, FullAvatarPage()));
                return;
            }

            await Drip(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", "[");
        });
        using var witness = new Witness();
        var client = witness.Client(TimedOptions(server), construction);

        var (e, elapsed) = await Timed(() => Call(client, operation));

        e.Should().BeOfType<GenProConnectionException>().Which.Message.Should().MatchRegex(
            @"^(GET|POST|PATCH) /v1/agents[^ ]* failed: it timed out after 2 s \(GenProClientOptions\.Timeout\), which bounds the whole call: sending, retries and reading the response body\. \(request id [0-9a-f-]{36}\)$");
        elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(1.5)).And.BeLessThan(TimeSpan.FromSeconds(30));
        server.Requests.Should().HaveCount(pageTwo ? 2 : 1);
    }

    [Theory]
    [InlineData(Construction.Constructor)]
    [InlineData(Construction.DependencyInjection)]
    public async Task A_server_that_accepts_and_never_answers_ends_at_the_timeout(Construction construction)
    {
        using var silent = LoopbackServer.Silent();
        using var witness = new Witness();
        var options = ApiServer.FastOptions(silent.BaseAddress);
        options.Timeout = Timeout;
        var client = witness.Client(options, construction);

        var (e, elapsed) = await Timed(() => client.Agents.ListAsync());

        e.Should().BeOfType<GenProConnectionException>().Which.Message.Should().MatchRegex(@"^Agents\.List failed: it timed out after [0-9.]+ s \(GenProClientOptions\.Timeout\), which bounds the whole call: sending, retries and reading the response body\. \(request id [0-9a-f-]{36}\)$");
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task The_whole_call_timeout_runs_on_the_clients_time_provider(string path)
    {
        // The deadline's token sources run on the clock they were made with; under DI that is the host's registered clock.
        using var silent = LoopbackServer.Silent();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var options = ApiServer.FastOptions(silent.BaseAddress);
        options.Timeout = TimeSpan.FromMinutes(30);
        options.Retry.AttemptTimeout = System.Threading.Timeout.InfiniteTimeSpan;
        using var client = ClientPaths.Create(path, options, time: time);

        var running = client.Agents.GetAsync(42);
        await silent.FirstRequest.WaitAsync(HardBound);
        running.IsCompleted.Should().BeFalse("nothing ends the call before its time is up on its clock");

        time.Advance(TimeSpan.FromMinutes(31));

        var e = (await FluentActions.Awaiting(() => running.WaitAsync(HardBound)).Should().ThrowExactlyAsync<GenProConnectionException>()).Which;
        e.Message.Should().StartWith("Agents.Get failed: it timed out after 1800 s (GenProClientOptions.Timeout)");
    }

    [Theory]
    [InlineData("Agents.Get")]
    [InlineData("Agents.Create")]
    [InlineData("Agents.Update")]
    [InlineData("Agents.Delete")]
    [InlineData("Avatars.List page 1")]
    [InlineData("Avatars.Upload")]
    [InlineData("Avatars.SetPrimary")]
    [InlineData("Avatars.Delete")]
    public async Task Every_endpoint_ends_at_the_timeout_against_a_server_that_never_answers(string operation)
    {
        using var silent = LoopbackServer.Silent();
        var options = ApiServer.FastOptions(silent.BaseAddress);
        options.Timeout = Timeout;
        using var client = new GenProClient(options);

        var (e, elapsed) = await Timed(() => Call(client, operation));

        e.Should().BeOfType<GenProConnectionException>().Which.Message.Should().MatchRegex($@"^{operation.Split(' ')[0]} failed: it timed out after [0-9.]+ s \(GenProClientOptions\.Timeout\), which bounds the whole call: sending, retries and reading the response body\. \(request id [0-9a-f-]{{36}}\)$");
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task An_error_body_that_drips_forever_ends_at_the_timeout()
    {
        using var server = LoopbackServer.Scripted((_, stream) =>
            Drip(stream, "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n", "{"));
        using var witness = new Witness();
        var options = TimedOptions(server);
        options.Retry.MaxRetries = 0;
        var client = witness.Client(options);

        var (e, elapsed) = await Timed(() => client.Agents.ListAsync());

        e.Should().BeOfType<GenProConnectionException>().Which.Message.Should().StartWith("GET /v1/agents failed: it timed out after 2 s");
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
        var span = witness.Spans.Should().ContainSingle().Subject;
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.GetTagItem("error.type").Should().NotBeNull();
    }

    [Fact]
    public async Task A_body_shorter_than_its_content_length_on_an_open_connection_ends_at_the_timeout()
    {
        using var server = LoopbackServer.Scripted(async (_, stream) =>
        {
            await Write(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n[{\"id\": 1");

            // Holds the connection open as a stalled peer does, until the client closes it.
            await stream.ReadAsync(new byte[1]).AsTask().WaitAsync(HardBound);
        });
        using var witness = new Witness();
        var client = witness.Client(TimedOptions(server));

        var (e, elapsed) = await Timed(() => client.Agents.ListAsync());

        e.Should().BeOfType<GenProConnectionException>().Which.Message.Should().StartWith("GET /v1/agents failed: it timed out after 2 s");
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task An_endpoint_without_a_body_to_read_ends_at_the_headers()
    {
        using var server = LoopbackServer.Scripted((_, stream) =>
            Drip(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", "{"));
        using var client = new GenProClient(TimedOptions(server));

        await client.Agents.DeleteAsync(1).WaitAsync(HardBound);
    }

    internal static async Task Call(IGenProClient client, string operation)
    {
        switch (operation)
        {
            case "Agents.List":
                await client.Agents.ListAsync();
                break;
            case "Agents.Get":
                await client.Agents.GetAsync(1);
                break;
            case "Agents.Create":
                await client.Agents.CreateAsync(new CreateAgentRequest { Name = "A" });
                break;
            case "Agents.Update":
                await client.Agents.UpdateAsync(1, new UpdateAgentRequest { Name = "A" });
                break;
            case "Agents.Delete":
                await client.Agents.DeleteAsync(1);
                break;
            case "Avatars.Upload":
                await client.Avatars.UploadAsync(1, AvatarUpload.FromBytes(Images.Png, "a.png"));
                break;
            case "Avatars.SetPrimary":
                await client.Avatars.SetPrimaryAsync(1, 2);
                break;
            case "Avatars.Delete":
                await client.Avatars.DeleteAsync(1, 2);
                break;
            default:
                await foreach (var _ in client.Avatars.ListAsync(1))
                {
                }

                break;
        }
    }

    /// <summary>Sends a head and a first piece of body, then one byte every 100 ms until the client goes away.</summary>
    internal static async Task Drip(NetworkStream stream, string head, string first)
    {
        var chunked = head.Contains("chunked", StringComparison.Ordinal);
        await Write(stream, head);
        var clock = Stopwatch.StartNew();
        var next = Encoding.ASCII.GetBytes(first);
        while (clock.Elapsed < HardBound)
        {
            if (chunked)
            {
                await WriteChunk(stream, next);
            }
            else
            {
                await stream.WriteAsync(next);
            }

            next = " "u8.ToArray();
            await Task.Delay(100); // the server's pace, not a wait in the test
        }
    }

    internal static async Task WriteChunk(Stream stream, byte[] data)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{data.Length:x}\r\n"));
        await stream.WriteAsync(data);
        await stream.WriteAsync("\r\n"u8.ToArray());
    }

    /// <summary>Runs a call that must fail, under a hard bound; returns its exception and how long it took.</summary>
    internal static async Task<(Exception Error, TimeSpan Elapsed)> Timed(Func<Task> call)
    {
        var clock = Stopwatch.StartNew();
        var e = await Record.ExceptionAsync(() => call().WaitAsync(HardBound));
        e.Should().NotBeNull().And.NotBeOfType<TimeoutException>("the call must end on its own, within the hard bound");
        return (e!, clock.Elapsed);
    }

    internal static string FullAvatarPage() =>
        "[" + string.Join(",", Enumerable.Range(1, 20).Select(i => $"{{\"id\": {i}, \"url\": \"https://cdn.gen.pro/a/{i}.webp\"}}")) + "]";

    private static GenProClientOptions TimedOptions(LoopbackServer server)
    {
        var options = ApiServer.FastOptions(server.BaseAddress);
        options.Timeout = Timeout;
        return options;
    }
}
