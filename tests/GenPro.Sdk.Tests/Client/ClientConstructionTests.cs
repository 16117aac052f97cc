using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Client;

/// <summary>Options are checked when the client is built, and the messages name the setting without echoing the key.</summary>
public sealed class ClientConstructionTests
{
    [Theory]
    [InlineData(null, "GenProClientOptions.ApiKey is required")]
    [InlineData("", "GenProClientOptions.ApiKey is required")]
    [InlineData("   ", "GenProClientOptions.ApiKey is required")]
    [InlineData("gen_pat_with space", "GenProClientOptions.ApiKey contains characters")]
    [InlineData("gen_pat_line\nbreak", "GenProClientOptions.ApiKey contains characters")]
    public void A_missing_or_unsendable_key_is_refused_without_echoing_it(string? key, string message)
    {
        var act = () => new GenProClient(new GenProClientOptions { ApiKey = key });

        var e = act.Should().ThrowExactly<ArgumentException>().Which;
        e.ParamName.Should().Be("options");
        e.Message.Should().StartWith(message);
        if (!string.IsNullOrWhiteSpace(key))
        {
            e.Message.Should().NotContain(key);
        }
    }

    [Fact]
    public void The_string_constructor_refuses_a_blank_key()
    {
        var act = () => new GenProClient("  ");

        act.Should().ThrowExactly<ArgumentException>().WithMessage("GenProClientOptions.ApiKey is required*").Which.ParamName.Should().Be("apiKey");
    }

    [Fact]
    public void The_string_constructor_names_a_null_key()
    {
        var act = () => new GenProClient((string)null!);

        act.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("apiKey");
    }

    [Theory]
    [InlineData("https://api.gen.pro")]
    [InlineData("https://api.gen.pro/")]
    [InlineData("https://API.GEN.PRO/agents/")]
    public void The_apis_host_without_its_version_path_is_refused(string address)
    {
        var act = () => new GenProClient(new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = new Uri(address) });

        act.Should().ThrowExactly<ArgumentException>()
            .WithMessage("GenProClientOptions.BaseAddress must include the API's version path, such as https://api.gen.pro/v1/; it was *")
            .Which.ParamName.Should().Be("options");
    }

    [Theory]
    [InlineData("https://api.gen.pro/v1")]
    [InlineData("https://api.gen.pro/v2/")]
    [InlineData("https://gen-proxy.example.com/")]
    public void A_versioned_path_or_another_host_is_accepted(string address)
    {
        using var client = new GenProClient(new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = new Uri(address) });

        client.ToString().Should().Contain(new Uri(address).Host);
    }

    [Theory]
    [InlineData("/v1/", "GenProClientOptions.BaseAddress must be an absolute URI*")]
    [InlineData("http://api.gen.pro/v1/", "GenProClientOptions.BaseAddress must use https*it was http://api.gen.pro*")]
    [InlineData("ftp://127.0.0.1/v1/", "GenProClientOptions.BaseAddress must use https*")]
    [InlineData("https://api.gen.pro/v1/?x=1", "GenProClientOptions.BaseAddress must not carry a query*")]
    public void A_bad_base_address_is_refused(string address, string message)
    {
        var act = () => new GenProClient(new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = new Uri(address, UriKind.RelativeOrAbsolute) });

        act.Should().ThrowExactly<ArgumentException>().WithMessage(message).Which.ParamName.Should().Be("options");
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/v1/")]
    [InlineData("http://localhost/v1")]
    [InlineData("http://[::1]/v1/")]
    [InlineData("https://api.gen.pro/v1")]
    public void Https_or_loopback_http_is_accepted(string address)
    {
        using var client = new GenProClient(new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = new Uri(address) });

        client.ToString().Should().EndWith("/v1/ }");
    }

    [Fact]
    public void Null_options_and_null_handler_are_refused()
    {
        FluentActions.Invoking(() => new GenProClient((GenProClientOptions)null!)).Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("options");
        FluentActions.Invoking(() => new GenProClient(new GenProClientOptions { ApiKey = ApiServer.ApiKey }, null!))
            .Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("handler");
    }

    [Fact]
    public void A_non_positive_timeout_is_refused()
    {
        var act = () => new GenProClient(new GenProClientOptions { ApiKey = ApiServer.ApiKey, Timeout = TimeSpan.Zero });

        act.Should().ThrowExactly<ArgumentException>().WithMessage("GenProClientOptions.Timeout must be positive*");
    }

    [Fact]
    public async Task A_base_address_without_trailing_slash_keeps_its_path()
    {
        using var api = new ApiServer();
        api.Respond("GET", "/v1/agents", 200, "[]");
        using var client = new GenProClient(new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = new Uri($"{api.Server.Url}/v1") });

        await client.Agents.ListAsync();

        api.SingleRequest().Path.Should().Be("/v1/agents");
    }
}
