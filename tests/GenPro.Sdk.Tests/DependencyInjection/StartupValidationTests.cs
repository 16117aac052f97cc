using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GenPro.Sdk.Tests.DependencyInjection;

/// <summary>
/// Start-up validation in a real host names what the user edits: the configuration key when options come from a
/// section, the client's name, and every problem of every client in one <see cref="OptionsValidationException"/>.
/// </summary>
public sealed class StartupValidationTests
{
    [Fact]
    public async Task Every_problem_of_a_client_bound_from_a_section_names_its_configuration_key_in_one_exception()
    {
        var settings = new Dictionary<string, string?>
        {
            ["GenPro:Marketing:BaseAddress"] = "http://api.gen.pro/v1/",
            ["GenPro:Marketing:Retry:MaxRetries"] = "50",
        };
        using var host = AddGenProClientTests.BuildHost(settings, (s, c) => s.AddGenProClient("marketing", c.GetSection("GenPro:Marketing")));

        var e = (await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowExactlyAsync<OptionsValidationException>()).Which;

        e.OptionsType.Should().Be<GenProClientOptions>();
        e.OptionsName.Should().Be("marketing");
        e.Failures.Should().Equal(
            "GenPro client \"marketing\": GenPro:Marketing:ApiKey is required: set it to a GEN personal access token (gen_pat_…).",
            "GenPro client \"marketing\": GenPro:Marketing:BaseAddress must use https (plain http is allowed for loopback hosts only); it was http://api.gen.pro/v1/.",
            "GenPro client \"marketing\": GenPro:Marketing:Retry:MaxRetries must be between 0 (no retries) and 10.");
    }

    [Fact]
    public async Task Problems_of_several_clients_come_as_one_exception_not_an_aggregate()
    {
        var settings = new Dictionary<string, string?> { ["GenPro:ApiKey"] = "gen_pat_ok", ["GenPro:BaseAddress"] = "https://api.gen.pro" };
        using var host = AddGenProClientTests.BuildHost(settings, (s, c) =>
        {
            s.AddGenProClient(c.GetSection("GenPro"));
            s.AddGenProClient("marketing", c.GetSection("GenPro:Marketing"));
            s.AddGenProClient("support", o => o.Timeout = TimeSpan.Zero);
        });

        var e = (await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowExactlyAsync<OptionsValidationException>()).Which;

        e.Failures.Should().Equal(
            "GenPro:BaseAddress must include the API's version path, such as https://api.gen.pro/v1/; it was https://api.gen.pro.",
            "GenPro client \"marketing\": GenPro:Marketing:ApiKey is required: set it to a GEN personal access token (gen_pat_…).",
            "GenPro client \"support\": GenProClientOptions.ApiKey is required: set it to a GEN personal access token (gen_pat_…).",
            "GenPro client \"support\": GenProClientOptions.Timeout must be positive, or Timeout.InfiniteTimeSpan for no limit.");
        e.Message.Should().Contain("GenPro:Marketing:ApiKey").And.Contain("GenProClientOptions.Timeout");
    }

    [Fact]
    public void Without_a_host_the_client_is_refused_when_resolved_with_the_same_message()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Apis:Gen:Timeout"] = "00:00:10" })
            .Build();
        var services = new ServiceCollection();
        services.AddGenProClient("reports", configuration.GetSection("Apis:Gen"));
        using var provider = services.BuildServiceProvider();

        FluentActions.Invoking(() => provider.GetRequiredKeyedService<IGenProClient>("reports"))
            .Should().ThrowExactly<OptionsValidationException>()
            .Which.Failures.Should().Equal("GenPro client \"reports\": Apis:Gen:ApiKey is required: set it to a GEN personal access token (gen_pat_…).");
    }

    [Fact]
    public async Task Valid_clients_start()
    {
        var settings = new Dictionary<string, string?> { ["GenPro:Marketing:ApiKey"] = "gen_pat_ok" };
        using var host = AddGenProClientTests.BuildHost(settings, (s, c) =>
        {
            s.AddGenProClient("marketing", c.GetSection("GenPro:Marketing"));
            s.AddGenProClient("support", o => o.ApiKey = "gen_pat_support");
        });

        await host.StartAsync();

        host.Services.GetRequiredKeyedService<IGenProClient>("marketing").ToString().Should().Contain("https://api.gen.pro/v1/");
        await host.StopAsync();
    }
}
