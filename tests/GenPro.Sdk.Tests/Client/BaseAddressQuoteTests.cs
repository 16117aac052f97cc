using GenPro.Sdk.Tests.DependencyInjection;
using GenPro.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GenPro.Sdk.Tests.Client;

/// <summary>
/// A refused <c>BaseAddress</c> is quoted as the user wrote it (path, case and port included), with the constructor, with
/// <c>AddGenProClient(o => …)</c> and with options bound from configuration; credentials in it are never quoted.
/// </summary>
public sealed class BaseAddressQuoteTests
{
    /// <summary>Each address and the words after the setting's name, on each of the three ways to set it.</summary>
    public static TheoryData<string, string, string> Refusals => Cross(
        ("http://example.com/v1/", "must use https (plain http is allowed for loopback hosts only); it was http://example.com/v1/."),
        ("HTTP://Example.com:8080/v1", "must use https (plain http is allowed for loopback hosts only); it was HTTP://Example.com:8080/v1."),
        ("https://api.gen.pro", "must include the API's version path, such as https://api.gen.pro/v1/; it was https://api.gen.pro."),
        ("https://API.GEN.PRO/agents/", "must include the API's version path, such as https://api.gen.pro/v1/; it was https://API.GEN.PRO/agents/."),
        ("http://user:hunter2@example.com/v1/?key=gen_pat_secret", "must use https (plain http is allowed for loopback hosts only); it was http://example.com/v1/."));

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_base_address_is_quoted_as_written(string way, string address, string refusal)
    {
        switch (way)
        {
            case "constructor":
                var act = () => new GenProClient(new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = new Uri(address) });
                act.Should().ThrowExactly<ArgumentException>().Which.Message
                    .Should().Be($"GenProClientOptions.BaseAddress {refusal} (Parameter 'options')");
                break;

            case "AddGenProClient(o => …)":
                using (var host = AddGenProClientTests.BuildHost([], (s, _) => s.AddGenProClient(o =>
                       {
                           o.ApiKey = ApiServer.ApiKey;
                           o.BaseAddress = new Uri(address);
                       })))
                {
                    (await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowExactlyAsync<OptionsValidationException>())
                        .Which.Failures.Should().Equal($"GenProClientOptions.BaseAddress {refusal}");
                }

                break;

            default:
                var settings = new Dictionary<string, string?> { ["GenPro:ApiKey"] = ApiServer.ApiKey, ["GenPro:BaseAddress"] = address };
                using (var host = AddGenProClientTests.BuildHost(settings, (s, c) => s.AddGenProClient(c.GetSection("GenPro"))))
                {
                    var e = (await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowExactlyAsync<OptionsValidationException>()).Which;
                    e.Failures.Should().Equal($"GenPro:BaseAddress {refusal}");
                    e.Message.Should().NotContain("hunter2").And.NotContain("gen_pat_secret");
                }

                break;
        }
    }

    private static TheoryData<string, string, string> Cross(params (string Address, string Refusal)[] rows)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var way in new[] { "constructor", "AddGenProClient(o => …)", "configuration" })
        {
            foreach (var (address, refusal) in rows)
            {
                data.Add(way, address, refusal);
            }
        }

        return data;
    }
}
