using GenPro.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace GenPro.Sdk.Tests.CallerInput;

/// <summary>
/// Timeouts longer than a .NET timer can run (about 49.7 days: 60 days, 100 days, <see cref="TimeSpan.MaxValue"/>) mean
/// no limit, as <see cref="Timeout.InfiniteTimeSpan"/> does: every call used to throw a raw
/// <see cref="ArgumentOutOfRangeException"/> ("un-representable DateTime", parameter <c>delay</c>) naming no setting.
/// </summary>
public sealed class ExtremeTimeoutTests
{
    private static readonly TimeSpan HardBound = TimeSpan.FromSeconds(30);

    public static TheoryData<string, string> Cases => ClientPaths.Cross(
        "Timeout = MaxValue", "Timeout = 60 days", "Retry.AttemptTimeout = 60 days", "Retry.AttemptTimeout = MaxValue",
        "call Timeout = 100 days", "call Timeout = MaxValue", "all MaxValue");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_timeout_longer_than_a_timer_runs_is_no_limit_and_calls_succeed(string path, string setting)
    {
        using var server = LoopbackServer.Recording(json: Samples.Agent);
        server.StatusOf = i => i == 0 ? 503 : 200; // a retry too, so the attempt timeout is set twice
        var (options, call) = Configure(ApiServer.FastOptions(server.BaseAddress), setting);
        using var client = ClientPaths.Create(path, options);

        var agent = await client.Agents.GetAsync(1, false, call).WaitAsync(HardBound);

        agent.Id.Should().BeGreaterThan(0);
        server.Requests.Should().HaveCount(2);
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task No_limit_means_the_call_runs_until_the_caller_cancels_it(string path)
    {
        using var silent = LoopbackServer.Silent();
        var time = new FakeTimeProvider();
        var (options, call) = Configure(ApiServer.FastOptions(silent.BaseAddress), "all MaxValue");
        using var client = ClientPaths.Create(path, options, time: time);
        using var cancel = new CancellationTokenSource();

        var running = client.Agents.GetAsync(1, false, call, cancel.Token);
        await silent.FirstRequest.WaitAsync(HardBound);
        time.Advance(TimeSpan.FromDays(400)); // any timer shorter than no limit fires here, on the client's clock

        running.IsCompleted.Should().BeFalse("no limit was set, so only the caller ends the call");
        await cancel.CancelAsync();
        (await FluentActions.Awaiting(() => running.WaitAsync(HardBound)).Should().ThrowAsync<OperationCanceledException>())
            .Which.CancellationToken.Should().Be(cancel.Token);
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_limit_a_timer_can_run_is_still_a_limit(string path)
    {
        using var silent = LoopbackServer.Silent();
        var time = new FakeTimeProvider();
        var options = ApiServer.FastOptions(silent.BaseAddress);
        options.Timeout = TimeSpan.FromDays(49);
        options.Retry.AttemptTimeout = Timeout.InfiniteTimeSpan;
        using var client = ClientPaths.Create(path, options, time: time);

        var running = client.Agents.GetAsync(1);
        await silent.FirstRequest.WaitAsync(HardBound);
        time.Advance(TimeSpan.FromDays(49) + TimeSpan.FromSeconds(1));

        (await FluentActions.Awaiting(() => running.WaitAsync(HardBound)).Should().ThrowExactlyAsync<GenProConnectionException>())
            .Which.Message.Should().StartWith("Agents.Get failed: it timed out after 4233600 s (GenProClientOptions.Timeout)");
    }

    private static (GenProClientOptions Options, GenProRequestOptions? Call) Configure(GenProClientOptions options, string setting)
    {
        GenProRequestOptions? call = null;
        switch (setting)
        {
            case "Timeout = MaxValue": options.Timeout = TimeSpan.MaxValue; break;
            case "Timeout = 60 days": options.Timeout = TimeSpan.FromDays(60); break;
            case "Retry.AttemptTimeout = 60 days": options.Retry.AttemptTimeout = TimeSpan.FromDays(60); break;
            case "Retry.AttemptTimeout = MaxValue": options.Retry.AttemptTimeout = TimeSpan.MaxValue; break;
            case "call Timeout = 100 days": options.Timeout = Timeout.InfiniteTimeSpan; call = new() { Timeout = TimeSpan.FromDays(100) }; break;
            case "call Timeout = MaxValue": call = new() { Timeout = TimeSpan.MaxValue }; break;
            case "all MaxValue":
                options.Timeout = TimeSpan.MaxValue;
                options.Retry.AttemptTimeout = TimeSpan.MaxValue;
                call = new() { Timeout = TimeSpan.MaxValue };
                break;
            default: throw new ArgumentOutOfRangeException(nameof(setting), setting, null);
        }

        return (options, call);
    }
}
