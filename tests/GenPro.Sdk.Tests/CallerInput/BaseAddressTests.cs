using FsCheck.Fluent;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.CallerInput;

/// <summary>
/// Issue 24, row 10: the API's host spelled with a final dot (<c>https://api.gen.pro./</c>, fully qualified DNS) or in
/// any case, without its version path, is refused like <c>https://api.gen.pro</c>, on both construction paths.
/// </summary>
public sealed class BaseAddressTests
{
    [Theory]
    [MemberData(nameof(Spellings))]
    public void The_apis_host_with_a_final_dot_or_in_any_case_without_its_version_path_is_refused(string path, string address)
    {
        var e = Refusals.OfOptions(path, new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = new Uri(address) });

        e.Should().NotBeNull($"{address} has no version path");
        e!.Message.Should().Contain("GenProClientOptions.BaseAddress must include the API's version path");
    }

    public static TheoryData<string, string> Spellings => ClientPaths.Cross(
        "https://api.gen.pro./", "https://api.gen.pro.", "https://API.GEN.PRO./", "https://Api.Gen.Pro/", "https://api.gen.pro.:443/agents/");

    [Fact]
    public void Any_spelling_of_the_apis_host_is_refused_exactly_when_it_lacks_a_version_path()
    {
        var gen =
            from host in Gen.Elements("api.gen.pro", "api.gen.pro.", "API.GEN.PRO", "Api.Gen.Pro.", "api.gen.pro:443", "api.gen.pro.:443")
            from pathAndVersioned in Gen.Elements(
                ("", false), ("/", false), ("/agents/", false), ("/v/", false), ("/vx/", false), ("/api/v1/", false),
                ("/v1", true), ("/v1/", true), ("/V2/", true), ("/v10/agents", true))
            from route in Gen.Elements(ClientPaths.Constructed, ClientPaths.DependencyInjection)
            select (Address: $"https://{host}{pathAndVersioned.Item1}", Versioned: pathAndVersioned.Item2, Route: route);

        CallerInputCases.ForAll(gen, c =>
        {
            var e = Refusals.OfOptions(c.Route, new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = new Uri(c.Address) });
            if (c.Versioned)
            {
                e.Should().BeNull($"{c.Address} has a version path");
            }
            else
            {
                e.Should().NotBeNull($"{c.Address} has no version path").And.Subject.As<Exception>().Message
                    .Should().Contain("GenProClientOptions.BaseAddress");
            }
        });
    }
}
