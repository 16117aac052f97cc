using System.Net;
using GenPro.Sdk.Testing.Tests.Infrastructure;

namespace GenPro.Sdk.Testing.Tests;

public sealed class AvatarEndpointTests
{
    private static long[] Ids(string body) => [.. JsonAssert.Parse(body).AsArray().Select(n => n!["id"]!.GetValue<long>())];

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task List_is_a_bare_array_primary_first(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var agent = h.Fake.AddAgent(h.AliceUser, "A");
        var a = h.Fake.AddAvatar(agent.Id);
        var b = h.Fake.AddAvatar(agent.Id, deGodAvatarId: 7, makePrimary: true);

        var (status, body, _) = await h.GetAsync($"agents/{agent.Id}/avatars", Harness.Alice);

        status.Should().Be(HttpStatusCode.OK);
        JsonAssert.Equal($$"""
            [{"id":{{b.Id}},"is_primary":true,"url":"{{h.ImageRoot}}avatars/{{b.Id}}/original.webp","thumbnail_url":"{{h.ImageRoot}}avatars/{{b.Id}}/thumbnail.webp","degod_avatar_id":7},
             {"id":{{a.Id}},"is_primary":false,"url":"{{h.ImageRoot}}avatars/{{a.Id}}/original.png","thumbnail_url":"{{h.ImageRoot}}avatars/{{a.Id}}/thumbnail.webp","degod_avatar_id":null}]
            """, body);
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Pages_hold_20_and_the_cursor_filters_before_the_primary_goes_first(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var agent = h.Fake.AddAgent(h.AliceUser, "A");
        var ids = Enumerable.Range(0, 25).Select(_ => h.Fake.AddAvatar(agent.Id).Id).ToList();
        var primary = ids[22];
        h.Fake.AddAvatar(h.Fake.AddAgent(h.AliceUser, "B").Id); // another agent's avatar never shows
        (await h.SendAsync(HttpMethod.Patch, $"agents/{agent.Id}/avatars/{primary}")).Status.Should().Be(HttpStatusCode.OK);

        var page1 = Ids((await h.GetAsync($"agents/{agent.Id}/avatars")).Body);
        var page2 = Ids((await h.GetAsync($"agents/{agent.Id}/avatars?cursor={page1[^1]}")).Body);
        var afterPrimary = Ids((await h.GetAsync($"agents/{agent.Id}/avatars?cursor={primary}")).Body);

        page1.Should().Equal([primary, .. ids.Take(19)]);
        page2.Should().Equal([primary, .. ids.Skip(19).Where(id => id != primary)], "the primary reappears: its id is above the cursor");
        afterPrimary.Should().Equal(ids[23], ids[24]);
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Unknown_deleted_or_invisible_agent_is_404_agent_not_found(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var team = h.Fake.AddAgent(h.AliceUser, "Team", h.Company);

        foreach (var (method, path, key) in new[]
                 {
                     (HttpMethod.Get, "agents/999/avatars", Harness.Alice), (HttpMethod.Get, $"agents/{team.Id}/avatars", Harness.Eve),
                     (HttpMethod.Post, "agents/999/avatars", Harness.Alice), (HttpMethod.Patch, "agents/999/avatars/1", Harness.Alice),
                     (HttpMethod.Delete, "agents/abc/avatars/1", Harness.Alice),
                 })
        {
            var (status, body, _) = await h.SendAsync(method, path, null, key);
            status.Should().Be(HttpStatusCode.NotFound, $"{method} {path}");
            JsonAssert.Error(body, "agent_not_found");
        }
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Upload_accepts_jpeg_png_webp_and_degod_ids_with_an_empty_200(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var agent = h.Fake.AddAgent(h.AliceUser, "Team", h.Company);
        using var form = new MultipartFormDataContent
        {
            { Images.File(Images.Jpeg, "image/jpeg"), "agent_avatars_attributes[][file]", "a.jpg" },
            { Images.File(Images.Png), "agent_avatars_attributes[][file]", "b.png" },
            { Images.File(Images.Webp, "application/octet-stream"), "agent_avatars_attributes[][file]", "c.bin" },
            { new StringContent("9"), "agent_avatars_attributes[][degod_avatar_id]" },
            { new StringContent("10"), "agent_avatars_attributes[][degod_avatar_id]" },
        };

        var (status, body, response) = await h.SendAsync(HttpMethod.Post, $"agents/{agent.Id}/avatars", form, Harness.Carol);

        status.Should().Be(HttpStatusCode.OK);
        body.Should().BeEmpty();
        response.Content.Headers.ContentLength.Should().Be(0);
        h.Fake.Avatars.Select(a => (a.ImageFormat, a.DeGodAvatarId, a.IsPrimary)).Should().Equal(
            ("jpeg", null, true), ("png", null, false), ("webp", 9L, false), (null, 10L, false));
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Upload_without_an_image_is_422_avatar_creation_failed(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var agent = h.Fake.AddAgent(h.AliceUser, "A");

        var bodies = new Func<HttpContent>[]
        {
            () => new MultipartFormDataContent { { Images.File(Images.Gif, "image/gif"), "agent_avatars_attributes[][file]", "x.gif" } },
            () => new MultipartFormDataContent { { Images.File(Images.Png), "agent_avatars_attributes[][file]", "x.png" }, { Images.File([1, 2, 3]), "agent_avatars_attributes[][file]", "y.png" } },
            () => new MultipartFormDataContent { { new StringContent("x"), "agent_avatars_attributes[][is_primary]" } },
            () => new MultipartFormDataContent { { new StringContent("x"), "something_else" } },
            () => Harness.Json("{}"),
        };

        foreach (var body in bodies)
        {
            using var content = body();
            var response = await h.SendAsync(HttpMethod.Post, $"agents/{agent.Id}/avatars", content);
            response.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
            JsonAssert.Error(response.Body, "avatar_creation_failed");
        }

        h.Fake.Avatars.Should().BeEmpty("a failed upload stores nothing");
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Viewers_may_list_but_not_change_avatars(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var agent = h.Fake.AddAgent(h.AliceUser, "Team", h.Company);
        var avatar = h.Fake.AddAvatar(agent.Id);

        (await h.GetAsync($"agents/{agent.Id}/avatars", Harness.Bob)).Status.Should().Be(HttpStatusCode.OK);
        foreach (var (method, path) in new[] { (HttpMethod.Patch, $"agents/{agent.Id}/avatars/{avatar.Id}"), (HttpMethod.Delete, $"agents/{agent.Id}/avatars/{avatar.Id}"), (HttpMethod.Post, $"agents/{agent.Id}/avatars") })
        {
            var (status, body, _) = await h.SendAsync(method, path, null, Harness.Bob);
            status.Should().Be(HttpStatusCode.Forbidden);
            JsonAssert.Error(body, "permission_denied");
        }
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Set_primary_marks_one_and_unknown_avatars_are_422_avatar_update_failed(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var agent = h.Fake.AddAgent(h.AliceUser, "A");
        var first = h.Fake.AddAvatar(agent.Id);
        var second = h.Fake.AddAvatar(agent.Id);
        var foreign = h.Fake.AddAvatar(h.Fake.AddAgent(h.AliceUser, "B").Id);

        var (status, body, _) = await h.SendAsync(HttpMethod.Patch, $"agents/{agent.Id}/avatars/{second.Id}");

        status.Should().Be(HttpStatusCode.OK);
        body.Should().BeEmpty();
        h.Fake.Avatars.Where(a => a.AgentId == agent.Id).Select(a => (a.Id, a.IsPrimary)).Should().Equal((first.Id, false), (second.Id, true));
        foreach (var id in new[] { "999", foreign.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "abc" })
        {
            var failed = await h.SendAsync(HttpMethod.Patch, $"agents/{agent.Id}/avatars/{id}");
            failed.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
            JsonAssert.Error(failed.Body, "avatar_update_failed");
        }
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Bulk_delete_promotes_the_lowest_remaining_avatar(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var agent = h.Fake.AddAgent(h.AliceUser, "A");
        var ids = Enumerable.Range(0, 5).Select(_ => h.Fake.AddAvatar(agent.Id).Id).ToArray();
        var foreign = h.Fake.AddAvatar(h.Fake.AddAgent(h.AliceUser, "B").Id);

        var (status, body, _) = await h.DeleteAsync($"agents/{agent.Id}/avatars/{ids[0]}_{ids[2]}_{foreign.Id}_999");

        status.Should().Be(HttpStatusCode.OK);
        body.Should().BeEmpty();
        Ids((await h.GetAsync($"agents/{agent.Id}/avatars")).Body).Should().Equal(ids[1], ids[3], ids[4]);
        h.Fake.Avatars.Single(a => a.Id == ids[1]).IsPrimary.Should().BeTrue();
        h.Fake.Avatars.Should().Contain(a => a.Id == foreign.Id, "another agent's avatar is left alone");
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Bulk_delete_with_a_malformed_id_is_404_not_found_and_deletes_nothing(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var agent = h.Fake.AddAgent(h.AliceUser, "A");
        var avatar = h.Fake.AddAvatar(agent.Id);

        var (status, body, _) = await h.DeleteAsync($"agents/{agent.Id}/avatars/{avatar.Id}_x");

        status.Should().Be(HttpStatusCode.NotFound);
        JsonAssert.Error(body, "not_found");
        h.Fake.Avatars.Should().ContainSingle();
    }
}
