using GenPro.Sdk.Avatars;
using GenPro.Sdk.Tests.Avatars;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.CallerInput;

/// <summary>
/// A <see cref="GenProRequestOptions"/> is checked and copied when the call starts (for a listing, when <c>ListAsync</c> is
/// called): changing it afterwards, between a 503 and its retry or between two pages, reaches no request of that call.
/// The raw listener shows the bytes each request carried.
/// </summary>
public sealed class RequestOptionsCopyTests
{
    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task Options_changed_between_a_503_and_its_retry_do_not_reach_the_retry(string path)
    {
        var options = Original();
        using var server = new LoopbackServer(async connection =>
        {
            while (await connection.ReadRequestAsync(keepBody: false) is { } request)
            {
                if (request.Index == 0)
                {
                    Tamper(options); // the 503 is not yet written, so the retry is still to come
                    await connection.AnswerAsync(503, null);
                }
                else
                {
                    await connection.AnswerAsync(200, Samples.Agent);
                }
            }
        });
        using var client = ClientPaths.Create(path, ApiServer.FastOptions(server.BaseAddress));

        await client.Agents.GetAsync(1, false, options);

        server.Requests.Should().HaveCount(2, "the 503 was retried");
        server.Requests.Should().AllSatisfy(CarriesTheOriginalValuesOnly);
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task Options_changed_after_ListAsync_and_between_pages_reach_no_page(string path)
    {
        var options = Original();
        using var server = LoopbackServer.Recording(json: AvatarListingTests.PageJson(Enumerable.Range(1, AvatarPageSource.PageSize).Select(i => (long)i), primaryId: 1));
        using var client = ClientPaths.Create(path, ApiServer.FastOptions(server.BaseAddress));

        var listing = client.Avatars.ListAsync(42, null, options);
        options.Headers["X-Tenant"] = "before enumerating";
        List<int> counts = [];
        await foreach (var page in listing.AsPages())
        {
            counts.Add(page.Values.Count);
            Tamper(options); // before the next page is asked for
            server.ResponseJson = "[]";
        }

        counts.Should().Equal(AvatarPageSource.PageSize, 0);

        server.Requests.Should().HaveCount(2);
        server.Requests.Should().AllSatisfy(CarriesTheOriginalValuesOnly);
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_later_call_with_the_changed_options_is_checked_again(string path)
    {
        var options = Original();
        using var server = LoopbackServer.Recording(json: Samples.Agent);
        using var client = ClientPaths.Create(path, ApiServer.FastOptions(server.BaseAddress));
        await client.Agents.GetAsync(1, false, options);

        Tamper(options);

        var e = (await FluentActions.Awaiting(() => client.Agents.GetAsync(1, false, options)).Should().ThrowAsync<ArgumentException>()).Which;
        e.ParamName.Should().Be("requestOptions");
        server.Requests.Should().ContainSingle("the tampered options were refused before sending");
    }

    private static GenProRequestOptions Original() => new() { RequestId = "original-id", Headers = { ["X-Tenant"] = "acme" } };

    /// <summary>What a caller's code might do to options it still holds: every change is one the check refuses or a new value.</summary>
    private static void Tamper(GenProRequestOptions options)
    {
        options.Headers["X-Tenant"] = "changed\r\nX-Injected: 1";
        options.Headers["X-API-Key"] = "stolen";
        options.Headers["Host"] = "evil.example";
        options.Headers["X-Added"] = "late";
        options.RequestId = "changed-id";
    }

    private static void CarriesTheOriginalValuesOnly(RawRequest request)
    {
        request.Headers["x-tenant"].Should().Be("acme");
        request.Headers["x-request-id"].Should().Be("original-id");
        request.Headers["x-api-key"].Should().Be(ApiServer.ApiKey);
        request.Headers["host"].Should().StartWith("127.0.0.1:");
        request.Head.Should().NotContainAny("X-Injected", "X-Added", "stolen", "evil.example", "changed");
    }
}
