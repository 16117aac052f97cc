using System.Globalization;
using System.Text;
using GenPro.Sdk.Tests.Infrastructure;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace GenPro.Sdk.Tests.Avatars;

/// <summary>
/// Cursor pagination against a server that follows the reference: avatars with id above <c>cursor</c>, primary
/// first whatever its id, 20 per page.
/// </summary>
public sealed class AvatarListingTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Theory]
    [InlineData(45, new[] { 20, 20, 7 })] // the primary (45) rides on every page
    [InlineData(43, new[] { 20, 20, 5 })]
    public async Task Every_avatar_is_yielded_once_in_order_when_the_highest_id_is_primary(int count, int[] rawPageSizes)
    {
        var pages = Serve(count, primaryId: count);

        var ids = new List<long>();
        await foreach (var avatar in _api.Client.Avatars.ListAsync(42))
        {
            ids.Add(avatar.Id);
        }

        long[] expected = [count, .. Enumerable.Range(1, count - 1).Select(i => (long)i)];
        ids.Should().Equal(expected);
        Cursors().Should().Equal(null, "19", "38");
        pages.Should().Equal(rawPageSizes);
        _api.Requests.Should().OnlyContain(r => r.RequestMessage!.Path == "/v1/agents/42/avatars" && r.RequestMessage.Method == "GET");
    }

    [Fact]
    public async Task A_primary_in_the_middle_is_yielded_once_and_the_cursor_still_advances()
    {
        Serve(45, primaryId: 30);

        var ids = await All(_api.Client.Avatars.ListAsync(42));

        ids.Should().HaveCount(45).And.OnlyHaveUniqueItems();
        ids[0].Should().Be(30);
        Cursors().Should().Equal(null, "19", "39");
    }

    [Theory]
    [InlineData(20, new[] { null, "20" })]
    [InlineData(40, new[] { null, "20", "40" })]
    public async Task A_listing_of_whole_pages_ends_with_one_empty_page_request(int count, string?[] cursors)
    {
        Serve(count, primaryId: 1);

        var pages = new List<Page<Avatar>>();
        await foreach (var page in _api.Client.Avatars.ListAsync(42).AsPages())
        {
            pages.Add(page);
        }

        pages.SelectMany(p => p.Values).Select(a => a.Id).Should().Equal(Enumerable.Range(1, count).Select(i => (long)i));
        pages[^1].Values.Should().BeEmpty();
        pages[^1].ContinuationToken.Should().BeNull();
        pages.SkipLast(1).Select(p => p.ContinuationToken).Should().Equal(cursors.Skip(1).Select(c => Token(long.Parse(c!, CultureInfo.InvariantCulture))));
        Cursors().Should().Equal(cursors);
    }

    [Fact]
    public async Task An_empty_listing_makes_one_request_and_yields_nothing()
    {
        Serve(0, primaryId: 0);

        (await All(_api.Client.Avatars.ListAsync(42))).Should().BeEmpty();
        Cursors().Should().Equal([null]);
    }

    [Fact]
    public async Task Pages_carry_deduplicated_values_and_tokens_that_remember_the_primary()
    {
        Serve(45, primaryId: 45);

        var pages = new List<Page<Avatar>>();
        await foreach (var page in _api.Client.Avatars.ListAsync(42).AsPages())
        {
            pages.Add(page);
        }

        pages.Select(p => p.Values.Count).Should().Equal(20, 19, 6);
        pages.Select(p => p.ContinuationToken).Should().Equal(Token(19, 45), Token(38, 45), null);
        pages[0].Values[0].Should().BeEquivalentTo(new Avatar
        {
            Id = 45,
            IsPrimary = true,
            Url = new Uri("https://cdn.gen.pro/avatars/45/original.webp"),
            ThumbnailUrl = new Uri("https://cdn.gen.pro/avatars/45/thumbnail.webp"),
            DeGodAvatarId = 7,
        });
        pages[0].Values[1].IsPrimary.Should().BeFalse();
        pages[0].Values[1].DeGodAvatarId.Should().BeNull();
    }

    [Fact]
    public async Task Resuming_from_a_token_sends_its_cursor_and_skips_the_primary_already_seen()
    {
        Serve(45, primaryId: 45);

        var resumed = new List<Page<Avatar>>();
        await foreach (var page in _api.Client.Avatars.ListAsync(42).AsPages(Token(19, 45)))
        {
            resumed.Add(page);
        }

        Cursors().Should().Equal("19", "38");
        resumed.SelectMany(p => p.Values).Select(a => a.Id).Should().Equal(Enumerable.Range(20, 25).Select(i => (long)i));
    }

    [Fact]
    public async Task A_resumed_listing_still_carries_the_primary_in_its_tokens()
    {
        Serve(60, primaryId: 45);

        var pages = new List<Page<Avatar>>();
        await foreach (var page in _api.Client.Avatars.ListAsync(42).AsPages(Token(19, 45)))
        {
            pages.Add(page);
        }

        // Resuming from cursor 38 alone would yield 45 a second time: the token after the first resumed page must keep it.
        pages.Select(p => p.ContinuationToken).Should().Equal(Token(38, 45), Token(58), null);
        pages.SelectMany(p => p.Values).Select(a => a.Id).Should().Equal(Enumerable.Range(20, 41).Where(i => i != 45).Select(i => (long)i));
    }

    [Fact]
    public async Task A_primary_sent_on_every_page_below_the_cursor_is_yielded_once()
    {
        // A server that puts the primary first on every page even below the cursor: the listing remembers no id at or
        // below the cursor, it drops them all, as every one of them was listed already.
        _api.Server.Given(Request.Create().WithPath("/v1/agents/42/avatars").UsingGet()).RespondWith(Response.Create().WithCallback(request =>
        {
            var raw = request.RawQuery ?? "";
            var cursor = raw.StartsWith("?cursor=", StringComparison.Ordinal) ? long.Parse(raw[8..], CultureInfo.InvariantCulture) : 0;
            var ids = new[] { 3L }.Concat(Enumerable.Range(1, 45).Select(i => (long)i).Where(id => id > cursor && id != 3)).Take(20);
            var message = new ResponseMessage
            {
                StatusCode = 200,
                BodyData = new BodyData { BodyAsString = PageJson(ids, primaryId: 3), DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
            };
            message.AddHeader("Content-Type", "application/json");
            return message;
        }));

        var ids = await All(_api.Client.Avatars.ListAsync(42));

        ids.Should().Equal([3L, .. Enumerable.Range(1, 45).Where(i => i != 3).Select(i => (long)i)]);
    }

    [Theory]
    [InlineData(new long[] { 20, 21, 21, 22, 50 })] // ascending, with 21 twice and 50 again
    [InlineData(new long[] { 20, 21, 22, 50 })] // strictly ascending, with 50 again
    public async Task A_later_page_that_repeats_an_id_in_ascending_order_or_one_listed_above_the_cursor_is_deduplicated(long[] secondPage)
    {
        // Page 1: the primary (50) first, then 1-19 (cursor 19, and 50 is remembered above it). Page 2 is in ascending
        // order, yet lists 50 again (and 21 twice): dropped, as on any page.
        var page1 = PageJson([50L, .. Enumerable.Range(1, 19).Select(i => (long)i)], primaryId: 50);
        var page2 = PageJson(secondPage, primaryId: 50);
        _api.Server.Given(Request.Create().WithPath("/v1/agents/42/avatars").UsingGet()).RespondWith(Response.Create().WithCallback(request =>
        {
            var message = new ResponseMessage
            {
                StatusCode = 200,
                BodyData = new BodyData { BodyAsString = (request.RawQuery ?? "") == "" ? page1 : page2, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
            };
            message.AddHeader("Content-Type", "application/json");
            return message;
        }));

        var ids = await All(_api.Client.Avatars.ListAsync(42));

        ids.Should().Equal([50L, .. Enumerable.Range(1, 22).Select(i => (long)i)]);
        Cursors().Should().Equal(null, "19");
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("19_")]
    [InlineData("19_3")]
    [InlineData(" 19")]
    [InlineData("99999999999999999999")]
    public void A_bad_token_is_refused_before_any_request(string token)
    {
        var act = () => _api.Client.Avatars.ListAsync(42).AsPages(token);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("continuationToken");
        _api.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_server_that_repeats_a_page_ends_the_listing_with_a_clear_exception()
    {
        // Ignores the cursor: always the first page.
        var first = PageJson(Enumerable.Range(1, 20).Select(i => (long)i), primaryId: 1);
        _api.Respond("GET", "/v1/agents/42/avatars", 200, first);

        var ids = new List<long>();
        var act = async () =>
        {
            await foreach (var avatar in _api.Client.Avatars.ListAsync(42))
            {
                ids.Add(avatar.Id);
            }
        };

        (await act.Should().ThrowExactlyAsync<GenProException>())
            .Which.Message.Should().Contain("does not advance").And.Contain("cursor 20");
        ids.Should().Equal(Enumerable.Range(1, 20).Select(i => (long)i));
        Cursors().Should().Equal(null, "20");
    }

    [Fact]
    public async Task Cancelling_mid_listing_throws_and_requests_no_further_page()
    {
        Serve(45, primaryId: 45);
        using var cts = new CancellationTokenSource();

        var seen = 0;
        var act = async () =>
        {
            await foreach (var _ in _api.Client.Avatars.ListAsync(42).WithCancellation(cts.Token))
            {
                if (++seen == 25)
                {
                    await cts.CancelAsync();
                }
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        seen.Should().Be(25);
        Cursors().Should().Equal(null, "19");
    }

    [Fact]
    public async Task An_unknown_agent_surfaces_as_not_found_on_enumeration_not_on_the_call()
    {
        _api.Respond("GET", "/v1/agents/42/avatars", 404, Samples.Error("Agent not found", "agent_not_found"));

        var listing = _api.Client.Avatars.ListAsync(42);
        _api.Requests.Should().BeEmpty();

        var e = (await FluentActions.Awaiting(() => All(listing)).Should().ThrowAsync<GenProNotFoundException>()).Which;
        e.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        e.ErrorCode.Should().Be("agent_not_found");
    }

    [Fact]
    public async Task Ids_are_read_from_numeric_strings_and_unknown_fields_are_kept()
    {
        _api.Respond("GET", "/v1/agents/42/avatars", 200,
            """[{"id": "101", "is_primary": true, "url": null, "degod_avatar_id": "7", "created_at": "2026-01-01"}]""");

        var avatar = (await _api.Client.Avatars.ListAsync(42).AsPages().FirstAsync()).Values.Single();

        avatar.Id.Should().Be(101);
        avatar.DeGodAvatarId.Should().Be(7);
        avatar.AdditionalProperties["created_at"].GetString().Should().Be("2026-01-01");
    }

    [Fact]
    public void A_non_positive_agent_id_is_refused_on_the_call()
    {
        var act = () => _api.Client.Avatars.ListAsync(0);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("agentId");
    }

    internal static async Task<List<long>> All(IAsyncEnumerable<Avatar> listing)
    {
        var ids = new List<long>();
        await foreach (var avatar in listing)
        {
            ids.Add(avatar.Id);
        }

        return ids;
    }

    /// <summary>Serves avatars 1..count with <paramref name="primaryId"/> primary; returns the raw page sizes served.</summary>
    internal List<int> Serve(int count, long primaryId) => Serve(_api, count, primaryId);

    internal static List<int> Serve(ApiServer api, int count, long primaryId)
    {
        var served = new List<int>();
        api.Server.Given(Request.Create().WithPath("/v1/agents/42/avatars").UsingGet()).RespondWith(Response.Create().WithCallback(request =>
        {
            var raw = request.RawQuery ?? "";
            var cursor = raw.StartsWith("?cursor=", StringComparison.Ordinal) ? long.Parse(raw[8..], CultureInfo.InvariantCulture) : 0;
            var above = Enumerable.Range(1, count).Select(i => (long)i).Where(id => id > cursor).ToList();
            var page = above.Where(id => id == primaryId).Concat(above.Where(id => id != primaryId)).Take(20).ToList();
            lock (served)
            {
                served.Add(page.Count);
            }

            var message = new ResponseMessage
            {
                StatusCode = 200,
                BodyData = new BodyData { BodyAsString = PageJson(page, primaryId), DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
            };
            message.AddHeader("Content-Type", "application/json");
            return message;
        }));
        return served;
    }

    /// <summary>The token the listing of agent 42 issues for <paramref name="cursor"/> and the ids above it already yielded.</summary>
    internal static string Token(long cursor, params long[] seenAbove) => new GenPro.Sdk.Avatars.AvatarCursor(cursor, seenAbove).ToToken(42);

    internal static string PageJson(IEnumerable<long> ids, long primaryId) =>
        "[" + string.Join(",", ids.Select(id => string.Create(CultureInfo.InvariantCulture,
            $$"""{"id": {{id}}, "is_primary": {{(id == primaryId ? "true" : "false")}}, "url": "https://cdn.gen.pro/avatars/{{id}}/original.webp", "thumbnail_url": "https://cdn.gen.pro/avatars/{{id}}/thumbnail.webp", "degod_avatar_id": {{(id == primaryId ? "7" : "null")}}}"""))) + "]";

    /// <summary>The <c>cursor</c> each request sent, in order (null for none); fails on any other query.</summary>
    private List<string?> Cursors() => _api.Requests.Select(r =>
    {
        var raw = r.RequestMessage!.RawQuery;
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        raw.Should().StartWith("?cursor=");
        return raw[8..];
    }).ToList();
}
