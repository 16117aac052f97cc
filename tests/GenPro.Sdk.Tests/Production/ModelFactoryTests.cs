using System.Net;
using NSubstitute;

namespace GenPro.Sdk.Tests.Production;

/// <summary>Mocks of every client interface (NSubstitute) returning only what <see cref="GenProModelFactory"/> builds.</summary>
public sealed class ModelFactoryTests
{
    [Fact]
    public async Task Mocked_clients_return_realistic_results_and_exceptions()
    {
        var agents = Substitute.For<IAgentsClient>();
        var avatars = Substitute.For<IAvatarsClient>();
        var client = Substitute.For<IGenProClient>();
        client.Agents.Returns(agents);
        client.Avatars.Returns(avatars);
        agents.GetAsync(42, false, Arg.Any<GenProRequestOptions?>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            call.Arg<GenProRequestOptions?>()?.OnResponse?.Invoke(
                GenProModelFactory.Response(HttpStatusCode.OK, new Dictionary<string, string> { ["X-RateLimit-Remaining"] = "3" }, "req-1"));
            return new Agent { Id = 42, Name = "TrendBot" };
        });
        agents.DeleteAsync(7, Arg.Any<CancellationToken>()).Returns(Task.FromException(
            GenProModelFactory.ApiException(HttpStatusCode.NotFound, GenProErrorCodes.AgentNotFound, "Agent not found", "req-2",
                new Dictionary<string, string> { ["X-Request-Id"] = "req-2", ["Set-Cookie"] = "s=1" })));
        agents.ListAsync(Arg.Any<long?>(), Arg.Any<CancellationToken>()).Returns(Task.FromException<IReadOnlyList<AgentSummary>>(
            GenProModelFactory.ApiException(HttpStatusCode.TooManyRequests, headers: new Dictionary<string, string> { ["retry-after"] = "12" })));
        avatars.ListAsync(42).Returns(GenProModelFactory.PageableFromItems(Enumerable.Range(1, 45).Select(i => new Avatar { Id = i })));
        avatars.SetPrimaryAsync(42, 9, Arg.Any<CancellationToken>()).Returns(Task.FromException(
            GenProModelFactory.ConnectionException("Avatars.SetPrimary failed: the request timed out.", "req-3")));

        GenProResponse? seen = null;
        var agent = await client.Agents.GetAsync(42, false, new GenProRequestOptions { OnResponse = r => seen = r });
        agent.Name.Should().Be("TrendBot");
        seen!.RequestId.Should().Be("req-1");
        seen.RateLimit.Remaining.Should().Be(3);

        var notFound = (await FluentActions.Awaiting(() => client.Agents.DeleteAsync(7)).Should().ThrowAsync<GenProNotFoundException>()).Which;
        notFound.RequestId.Should().Be("req-2");
        notFound.ErrorCode.Should().Be("agent_not_found");
        notFound.Message.Should().Be("The request answered 404 NotFound (agent_not_found): Agent not found (request id req-2)");
        notFound.Response.Headers["x-request-id"].Should().Be("req-2");
        notFound.Response.Headers.Should().NotContainKey("Set-Cookie");

        (await FluentActions.Awaiting(() => client.Agents.ListAsync()).Should().ThrowAsync<GenProRateLimitException>())
            .Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(12));
        (await FluentActions.Awaiting(() => client.Avatars.SetPrimaryAsync(42, 9)).Should().ThrowAsync<GenProConnectionException>())
            .Which.RequestId.Should().Be("req-3");

        var all = new List<long>();
        await foreach (var avatar in client.Avatars.ListAsync(42))
        {
            all.Add(avatar.Id);
        }

        all.Should().Equal(Enumerable.Range(1, 45).Select(i => (long)i));
    }

    [Fact]
    public async Task A_pageable_from_items_pages_and_resumes_from_a_continuation_token()
    {
        var pageable = GenProModelFactory.PageableFromItems(Enumerable.Range(1, 45), pageSize: 20);

        var pages = await pageable.AsPages().ToListAsync();
        pages.Select(p => p.Values.Count).Should().Equal(20, 20, 5);
        pages[^1].ContinuationToken.Should().BeNull();

        var resumed = await pageable.AsPages(pages[0].ContinuationToken).ToListAsync();
        resumed.Select(p => p.Values[0]).Should().Equal(21, 41);
        FluentActions.Invoking(() => pageable.AsPages("forged")).Should().Throw<ArgumentException>();
        (await GenProModelFactory.PageableFromItems(Array.Empty<int>()).AsPages().ToListAsync()).Should().ContainSingle().Which.Values.Should().BeEmpty();
    }

    [Fact]
    public async Task A_pageable_from_pages_yields_them_in_order()
    {
        var pageable = GenProModelFactory.PageableFromPages([
            GenProModelFactory.Page(["a", "b"], "t1"),
            GenProModelFactory.Page(["c"]),
        ]);

        var items = new List<string>();
        await foreach (var item in pageable)
        {
            items.Add(item);
        }

        items.Should().Equal("a", "b", "c");
        (await pageable.AsPages("t1").ToListAsync()).Should().ContainSingle().Which.Values.Should().Equal("c");
    }
}
