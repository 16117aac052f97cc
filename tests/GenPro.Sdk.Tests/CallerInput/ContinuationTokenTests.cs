using FsCheck.Fluent;
using GenPro.Sdk.Avatars;
using GenPro.Sdk.Testing;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.CallerInput;

/// <summary>
/// Issue 24, row 9: a continuation token says which listing issued it; <c>AsPages(token)</c> refuses a token of another
/// agent's listing, a made-up or altered one, with <see cref="ArgumentException"/> (<c>continuationToken</c>) before any
/// request (docs/validation.md); a token it issued resumes exactly where it said, on the wire.
/// </summary>
public sealed class ContinuationTokenTests
{
    private const string Key = "gen_pat_tokens";

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_token_from_another_agents_listing_or_a_made_up_one_is_refused_before_any_request(string path)
    {
        var fake = new FakeGenProApi();
        var user = fake.AddUser(Key);
        var first = fake.AddAgent(user, "First");
        var second = fake.AddAgent(user, "Second");
        for (var i = 0; i < 45; i++)
        {
            fake.AddAvatar(first.Id);
            fake.AddAvatar(second.Id);
        }

        await using var server = await FakeGenProServer.StartAsync(fake);
        using var client = ClientPaths.Create(path, new GenProClientOptions { ApiKey = Key, BaseAddress = server.BaseAddress });
        string? token = null;
        await foreach (var page in client.Avatars.ListAsync(first.Id).AsPages())
        {
            token = page.ContinuationToken;
            break;
        }

        fake.ClearReceivedRequests();

        foreach (var bad in new[] { token!, "999999", "19_45", token![..^1], token + "A" })
        {
            var act = () => client.Avatars.ListAsync(second.Id).AsPages(bad);
            act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("continuationToken");
        }

        FluentActions.Invoking(() => client.Avatars.ListAsync(second.Id).AsPages(token)).Should().Throw<ArgumentException>()
            .WithMessage("*issued by the avatar listing of another agent*");
        fake.ReceivedRequests.Should().BeEmpty();

        // The token still resumes the listing that issued it, after the first page.
        var resumed = new List<long>();
        await foreach (var avatar in client.Avatars.ListAsync(first.Id).AsPages(token).SelectMany(p => p.Values.ToAsyncEnumerable()))
        {
            resumed.Add(avatar.Id);
        }

        resumed.Should().HaveCount(25);
    }

    [Fact]
    public void Tokens_are_compact_url_safe_and_opaque()
    {
        var typical = new AvatarCursor(19, [45]).ToToken(42);
        typical.Should().MatchRegex("^[A-Za-z0-9_-]+$").And.HaveLength(12);
        typical.Should().NotContain("19").And.NotContain("45");
        var longest = new AvatarCursor(long.MaxValue - 64, [.. Enumerable.Range(1, 64).Select(i => long.MaxValue - 64 + i)]).ToToken(long.MaxValue);
        longest.Should().MatchRegex("^[A-Za-z0-9_-]+$");
        longest.Length.Should().BeLessThan(1000);
        AvatarCursor.Parse(longest, long.MaxValue, "continuationToken")!.Value.SeenAbove.Should().HaveCount(64);
    }

    [Fact]
    public void A_token_is_spelled_the_same_on_every_framework_so_it_resumes_in_another_process()
    {
        // Version 1, agent 42, cursor 19, one id 26 above it, FNV-1a: the same bytes on .NET 8 and .NET 10, whose encoders differ.
        new AvatarCursor(19, [45]).ToToken(42).Should().Be("ASoTARrkfZOS");
        AvatarCursor.Parse("ASoTARrkfZOS", 42, "continuationToken")!.Value.SeenAbove.Should().Equal(45);
    }

    [Fact]
    public void More_ids_above_the_cursor_than_a_token_carries_are_still_written_and_then_refused_on_resuming()
    {
        var many = new AvatarCursor(1000, [.. Enumerable.Range(1, 100).Select(i => 1000L + i)]).ToToken(42);
        many.Should().MatchRegex("^[A-Za-z0-9_-]+$");
        FluentActions.Invoking(() => AvatarCursor.Parse(many, 42, "continuationToken")).Should().Throw<ArgumentException>()
            .Which.ParamName.Should().Be("continuationToken");
    }

    [Fact]
    public void Any_text_that_is_not_a_token_the_listing_issued_is_refused_naming_the_token()
    {
        using var server = LoopbackServer.Recording(json: "[]");
        using var client = new GenProClient(ApiServer.FastOptions(server.BaseAddress));
        var listing = client.Avatars.ListAsync(42);

        CallerInputCases.ForAll(CallerInputCases.AnyText(), text =>
        {
            var act = () => listing.AsPages(text);
            act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("continuationToken");
        });

        server.Requests.Should().BeEmpty();
    }

    [Fact]
    public void A_token_with_any_one_character_changed_added_or_removed_is_refused()
    {
        var gen =
            from cursor in Gen.Choose(1, int.MaxValue)
            from seen in Gen.Choose(0, 3)
            from position in Gen.Choose(0, 1000)
            from replacement in Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/. %".ToCharArray())
            from edit in Gen.Choose(0, 2)
            select (Token: new AvatarCursor(cursor, [.. Enumerable.Range(1, seen).Select(i => (long)cursor + i)]).ToToken(42), position, replacement, edit);

        CallerInputCases.ForAll(gen, c =>
        {
            var at = c.position % c.Token.Length;
            var altered = c.edit switch
            {
                0 => c.Token[..at] + c.replacement + c.Token[(at + 1)..],
                1 => c.Token.Insert(at, c.replacement.ToString()),
                _ => c.Token.Remove(at, 1),
            };
            if (altered == c.Token)
            {
                return;
            }

            var act = () => AvatarCursor.Parse(altered, 42, "continuationToken");
            act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("continuationToken");
        });
    }

    [Fact]
    public void A_token_resumes_its_own_agents_listing_at_its_cursor_on_the_wire_and_no_other()
    {
        using var server = LoopbackServer.Recording(json: "[]");
        var options = ApiServer.FastOptions(server.BaseAddress);
        using var client = new GenProClient(options);
        var gen =
            from agent in Gen.Choose(1, int.MaxValue).Select(i => (long)i * 3)
            from cursor in Gen.OneOf(Gen.Choose(1, int.MaxValue).Select(i => (long)i), Gen.Constant(long.MaxValue - 10))
            from seen in Gen.Choose(0, 5)
            from other in Gen.Choose(1, 2)
            select (Agent: agent, Cursor: cursor, Seen: Enumerable.Range(1, seen).Select(i => cursor + i).ToArray(), Other: agent + other);

        CallerInputCases.ForAll(gen, c =>
        {
            var token = new AvatarCursor(c.Cursor, c.Seen).ToToken(c.Agent);
            var before = server.Requests.Count;
            FluentActions.Invoking(() => client.Avatars.ListAsync(c.Other).AsPages(token)).Should().Throw<ArgumentException>()
                .Which.ParamName.Should().Be("continuationToken");
            server.Requests.Should().HaveCount(before);

            var pages = client.Avatars.ListAsync(c.Agent).AsPages(token).ToListAsync().AsTask().GetAwaiter().GetResult();
            pages.Should().ContainSingle().Which.Values.Should().BeEmpty();
            server.Requests.Should().HaveCount(before + 1);
            server.Requests[^1].Target.Should().Be(FormattableString.Invariant($"/v1/agents/{c.Agent}/avatars?cursor={c.Cursor}"));
        });
    }
}
