using System.Net;
using GenPro.Sdk.Testing.Tests.Infrastructure;

namespace GenPro.Sdk.Testing.Tests;

public sealed class AgentEndpointTests
{
    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Missing_or_unknown_key_is_401_unauthorized(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);

        foreach (var key in new[] { null, "gen_pat_nobody" })
        {
            var (status, body, _) = await h.GetAsync("agents", key);
            status.Should().Be(HttpStatusCode.Unauthorized);
            JsonAssert.Error(body, "unauthorized");
        }
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Unknown_route_or_method_is_404_not_found(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);

        foreach (var (method, path) in new[] { ("GET", "users"), ("PUT", "agents/42"), ("GET", "/agents"), ("POST", "agents/42/avatars/1") })
        {
            var (status, body, _) = await h.SendAsync(new HttpMethod(method), path);
            status.Should().Be(HttpStatusCode.NotFound, $"{method} {path}");
            JsonAssert.Equal("""{"error":"Not found","error_code":"not_found"}""", body);
        }
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task List_returns_visible_agents_as_documented_summaries(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var team = h.Fake.AddAgent(h.CarolUser, "TrendBot", h.Company, "Trend analysis agent", "America/New_York");
        var avatar = h.Fake.AddAvatar(team.Id, deGodAvatarId: 7);
        h.Fake.AddAgent(h.AliceUser, "Mine");
        h.Fake.AddAgent(h.EveUser, "EvesOwn");

        var (status, body, response) = await h.GetAsync("agents");

        status.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        JsonAssert.Equal($$"""
            [{"id":{{team.Id}},"name":"TrendBot","description":"Trend analysis agent",
              "primary_avatar_url":"{{h.ImageRoot}}avatars/{{avatar.Id}}/thumbnail.webp","role":"owner",
              "organization":"My Company","time_zone":"America/New_York","tiktok_integration":false,
              "tiktok_social_account":false,"degods":true,"shared_users":[],"default_user_voice":null},
             {"id":{{team.Id + 1}},"name":"Mine","description":null,"primary_avatar_url":null,"role":"owner",
              "organization":null,"time_zone":null,"tiktok_integration":false,"tiktok_social_account":false,
              "degods":false,"shared_users":[],"default_user_voice":null}]
            """, body);
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task List_filters_by_workspace_and_shows_the_callers_role(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var team = h.Fake.AddAgent(h.AliceUser, "TeamBot", h.Company);
        h.Fake.AddAgent(h.BobUser, "BobsOwn");

        var (_, body, _) = await h.GetAsync("agents?workspace_id=10", Harness.Bob);
        var items = JsonAssert.Parse(body).AsArray();
        items.Should().ContainSingle();
        items[0]!["id"]!.GetValue<long>().Should().Be(team.Id);
        items[0]!["role"]!.GetValue<string>().Should().Be("viewer");

        (await h.GetAsync("agents?workspace_id=999", Harness.Bob)).Body.Should().Be("[]");
        (await h.GetAsync("agents", Harness.Eve)).Body.Should().Be("[]");
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Create_personal_agent_is_201_wrapped(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);

        var (status, body, _) = await h.PostJsonAsync("agents", """{"agent":{"name":"ProductReviewer","description":"Reviews","time_zone":"America/Los_Angeles"}}""");

        status.Should().Be(HttpStatusCode.Created);
        JsonAssert.Equal("""
            {"agent":{"id":42,"name":"ProductReviewer","description":"Reviews","organization_id":null,
              "time_zone":"America/Los_Angeles","primary_avatar_id":null,"primary_avatar_url":null,"role":"owner",
              "default_user_voice":null}}
            """, body);
        h.Fake.Agents.Should().ContainSingle().Which.Should().Match<FakeAgent>(a => a.WorkspaceId == null && a.CreatorId == h.AliceUser.Id);
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Create_in_workspace_accepts_numeric_string_ids_and_needs_manage_permission(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);

        var (status, body, _) = await h.PostJsonAsync("agents", """{"organization_id":"10","agent":{"name":"A"}}""", Harness.Dave);
        status.Should().Be(HttpStatusCode.Created);
        JsonAssert.Parse(body)["agent"]!["organization_id"]!.GetValue<long>().Should().Be(10);
        JsonAssert.Parse(body)["agent"]!["role"]!.GetValue<string>().Should().Be("manager");

        var editor = await h.PostJsonAsync("agents", """{"organization_id":10,"agent":{"name":"B"}}""", Harness.Carol);
        editor.Status.Should().Be(HttpStatusCode.Forbidden);
        JsonAssert.Error(editor.Body, "permission_denied");
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Create_in_unknown_or_foreign_workspace_is_422_organization_not_found(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);

        foreach (var (json, key) in new[] { ("""{"organization_id":999,"agent":{"name":"A"}}""", Harness.Alice), ("""{"organization_id":10,"agent":{"name":"A"}}""", Harness.Eve), ("""{"organization_id":"abc","agent":{"name":"A"}}""", Harness.Alice) })
        {
            var (status, body, _) = await h.PostJsonAsync("agents", json, key);
            status.Should().Be(HttpStatusCode.UnprocessableEntity);
            JsonAssert.Error(body, "organization_not_found");
        }

        h.Fake.Agents.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Create_refuses_duplicate_and_blank_names_with_agent_creation_failed(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        h.Fake.AddAgent(h.AliceUser, "Taken", h.Company);
        h.Fake.AddAgent(h.AliceUser, "MyTaken");

        foreach (var json in new[] { """{"organization_id":10,"agent":{"name":"Taken"}}""", """{"agent":{"name":"MyTaken"}}""", """{"agent":{"name":"  "}}""", """{"agent":{}}""", "{}" })
        {
            var (status, body, _) = await h.PostJsonAsync("agents", json);
            status.Should().Be(HttpStatusCode.UnprocessableEntity, json);
            JsonAssert.Error(body, "agent_creation_failed");
        }

        // Uniqueness is per workspace, or per user for personal agents.
        (await h.PostJsonAsync("agents", """{"agent":{"name":"Taken"}}""")).Status.Should().Be(HttpStatusCode.Created);
        (await h.PostJsonAsync("agents", """{"agent":{"name":"MyTaken"}}""", Harness.Eve)).Status.Should().Be(HttpStatusCode.Created);
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Create_with_an_invalid_provider_key_is_422_invalid_api_key(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        h.Fake.IsInvalidProviderKey = key => key == "bad-hume";

        var eleven = await h.PostJsonAsync("agents", """{"agent":{"name":"A","eleven_lab_api_key":"invalid_key"}}""");
        var hume = await h.PostJsonAsync("agents", """{"agent":{"name":"B","hume_ai_api_key":"bad-hume"}}""");

        eleven.Status.Should().Be(HttpStatusCode.Created, "the predicate was replaced");
        hume.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        JsonAssert.Error(hume.Body, "invalid_api_key");
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Create_multipart_with_file_and_degod_avatars(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("10"), "organization_id" },
            { new StringContent("Pictured"), "agent[name]" },
            { Images.File(Images.Webp, "image/webp"), "agent[agent_avatars_attributes][][file]", "face.webp" },
            { new StringContent("7"), "agent[agent_avatars_attributes][][degod_avatar_id]" },
            { new StringContent("8"), "agent[agent_avatars_attributes][][degod_avatar_id]" },
        };

        var (status, body, _) = await h.SendAsync(HttpMethod.Post, "agents", form);

        status.Should().Be(HttpStatusCode.Created);
        var avatars = h.Fake.Avatars;
        avatars.Should().HaveCount(2, "Rack merges the first DeGod id into the file's object");
        avatars[0].Should().Match<FakeAvatar>(a => a.IsPrimary && a.ImageFormat == "webp" && a.DeGodAvatarId == 7 && a.FileName == "face.webp");
        avatars[1].Should().Match<FakeAvatar>(a => !a.IsPrimary && a.DeGodAvatarId == 8 && a.ImageFormat == null);
        JsonAssert.Parse(body)["agent"]!["primary_avatar_id"]!.GetValue<long>().Should().Be(avatars[0].Id);
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Create_with_a_file_that_is_not_an_image_fails_and_stores_nothing(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Pictured"), "agent[name]" },
            { Images.File(Images.Gif, "image/png"), "agent[agent_avatars_attributes][][file]", "face.png" },
        };

        var (status, body, _) = await h.SendAsync(HttpMethod.Post, "agents", form);

        status.Should().Be(HttpStatusCode.UnprocessableEntity);
        JsonAssert.Error(body, "agent_creation_failed");
        h.Fake.Agents.Should().BeEmpty();
        h.Fake.Avatars.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Get_returns_the_bare_agent_with_voice_details(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var agent = h.Fake.AddAgent(h.AliceUser, "TrendBot", h.Company, "Trend analysis agent", "America/New_York");
        var avatar = h.Fake.AddAvatar(agent.Id);
        var voice = h.Fake.AddVoiceResource("Sarah", "female", "English", "eleven_labs", new Uri("https://api.elevenlabs.io/v1/previews/voice_abc123.mp3"));
        (await h.PatchJsonAsync($"agents/{agent.Id}", $$$"""{"agent":{"default_user_voice_attributes":{"source":"user_voice_resource","voice_id":"{{{voice.Id}}}"} } }""")).Status.Should().Be(HttpStatusCode.OK);

        var (status, body, _) = await h.GetAsync($"agents/{agent.Id}", Harness.Carol);

        status.Should().Be(HttpStatusCode.OK);
        JsonAssert.Equal($$$"""
            {"id":{{{agent.Id}}},"name":"TrendBot","description":"Trend analysis agent","organization_id":10,
             "time_zone":"America/New_York","primary_avatar_id":{{{avatar.Id}}},
             "primary_avatar_url":"{{{h.ImageRoot}}}avatars/{{{avatar.Id}}}/thumbnail.webp","agent_setup_project_id":500,
             "role":"editor",
             "default_user_voice":{"id":"{{{voice.Id}}}","name":"Sarah","gender":"female","language":"English",
               "provider":"eleven_labs","url":"https://api.elevenlabs.io/v1/previews/voice_abc123.mp3"}}
            """, body);
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Get_with_organization_uuid_adds_it(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var team = h.Fake.AddAgent(h.AliceUser, "Team", h.Company);
        var mine = h.Fake.AddAgent(h.AliceUser, "Mine");

        var withUuid = JsonAssert.Parse((await h.GetAsync($"agents/{team.Id}?with_organization_uuid=true")).Body);
        var without = JsonAssert.Parse((await h.GetAsync($"agents/{team.Id}")).Body);
        var personal = JsonAssert.Parse((await h.GetAsync($"agents/{mine.Id}?with_organization_uuid=true")).Body);

        withUuid["organization_uuid"]!.GetValue<string>().Should().Be(h.Company.Uuid.ToString());
        without.AsObject().ContainsKey("organization_uuid").Should().BeFalse();
        personal.AsObject().ContainsKey("organization_uuid").Should().BeTrue();
        personal["organization_uuid"].Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Get_unknown_agent_is_422_and_foreign_agent_is_403(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var team = h.Fake.AddAgent(h.AliceUser, "Team", h.Company);
        var evesOwn = h.Fake.AddAgent(h.EveUser, "EvesOwn");

        foreach (var path in new[] { "agents/999", "agents/abc" })
        {
            var (status, body, _) = await h.GetAsync(path);
            status.Should().Be(HttpStatusCode.UnprocessableEntity);
            JsonAssert.Error(body, "agent_not_found");
        }

        foreach (var (path, key) in new[] { ($"agents/{team.Id}", Harness.Eve), ($"agents/{evesOwn.Id}", Harness.Alice) })
        {
            var (status, body, _) = await h.GetAsync(path, key);
            status.Should().Be(HttpStatusCode.Forbidden);
            JsonAssert.Error(body, "permission_denied");
        }
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Update_returns_the_wrapped_agent_with_the_source_voice_shape(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var agent = h.Fake.AddAgent(h.AliceUser, "TrendBot", h.Company, "Old", "UTC");

        var (status, body, _) = await h.PatchJsonAsync(
            $"agents/{agent.Id}",
            """{"agent":{"name":"TrendBot v2","default_user_voice_attributes":{"source":"eleven_labs","voice_id":"voice_abc123"}}}""",
            Harness.Carol);

        status.Should().Be(HttpStatusCode.OK);
        JsonAssert.Equal($$$"""
            {"agent":{"id":{{{agent.Id}}},"name":"TrendBot v2","description":"Old","organization_id":10,"time_zone":"UTC",
              "primary_avatar_id":null,"primary_avatar_url":null,"role":"editor",
              "default_user_voice":{"source":"eleven_labs","voice_id":"voice_abc123"} } }
            """, body);
        var details = JsonAssert.Parse((await h.GetAsync($"agents/{agent.Id}")).Body)["default_user_voice"]!;
        JsonAssert.Equal(
            """{"id":"voice_abc123","name":"ElevenLabs voice voice_abc123","gender":"neutral","language":"English","provider":"eleven_labs","url":"https://api.elevenlabs.io/v1/previews/voice_abc123.mp3"}""",
            details.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Update_rules_and_their_error_codes(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var agent = h.Fake.AddAgent(h.AliceUser, "TrendBot", h.Company);
        h.Fake.AddAgent(h.AliceUser, "Other", h.Company);
        var path = $"agents/{agent.Id}";

        var cases = new (string Json, string Key, HttpStatusCode Status, string Code)[]
        {
            ("""{"agent":{"name":"X"}}""", Harness.Bob, HttpStatusCode.Forbidden, "permission_denied"),
            ("""{"agent":{"name":"X"}}""", Harness.Eve, HttpStatusCode.Forbidden, "permission_denied"),
            ("""{"agent":{"name":""}}""", Harness.Alice, HttpStatusCode.UnprocessableEntity, "validation_error"),
            ("""{"agent":{"name":"Other"}}""", Harness.Alice, HttpStatusCode.UnprocessableEntity, "agent_update_failed"),
            ("""{"agent":{"default_user_voice_attributes":{"source":"eleven_labs"}}}""", Harness.Alice, HttpStatusCode.UnprocessableEntity, "voice_id_required"),
            ("""{"agent":{"default_user_voice_attributes":{"source":"spotify","voice_id":"v"}}}""", Harness.Alice, HttpStatusCode.UnprocessableEntity, "validation_error"),
            ("""{"agent":{"default_user_voice_attributes":{"source":"user_voice_resource","voice_id":"77"}}}""", Harness.Alice, HttpStatusCode.NotFound, "user_voice_resource_not_found"),
            ("""{"agent":{"eleven_lab_api_key":"invalid-el"}}""", Harness.Alice, HttpStatusCode.UnprocessableEntity, "invalid_api_key"),
            ("""{"agent":{"hume_ai_api_key":"invalid-hume"}}""", Harness.Alice, HttpStatusCode.UnprocessableEntity, "invalid_api_key"),
            ("""{"agent":{"agent_avatars_attributes":[{"is_primary":true}]}}""", Harness.Alice, HttpStatusCode.UnprocessableEntity, "agent_update_failed"),
            ("""{}""", Harness.Alice, HttpStatusCode.UnprocessableEntity, "validation_error"),
        };

        foreach (var (json, key, expectedStatus, code) in cases)
        {
            var (status, body, _) = await h.PatchJsonAsync(path, json, key);
            status.Should().Be(expectedStatus, json);
            JsonAssert.Error(body, code);
        }

        var unknown = await h.PatchJsonAsync("agents/999", """{"agent":{"name":"X"}}""");
        unknown.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        JsonAssert.Error(unknown.Body, "agent_not_found");
        h.Fake.Agents.Single(a => a.Id == agent.Id).Should().Match<FakeAgent>(a => a.Name == "TrendBot" && a.VoiceSource == null && !a.HasElevenLabsApiKey);
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Update_with_avatars_resets_the_primary(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var agent = h.Fake.AddAgent(h.AliceUser, "TrendBot");
        var old = h.Fake.AddAvatar(agent.Id);

        var first = await h.PatchJsonAsync($"agents/{agent.Id}", """{"agent":{"agent_avatars_attributes":[{"degod_avatar_id":7},{"degod_avatar_id":"8","is_primary":"1"}]}}""");
        var second = await h.PatchJsonAsync($"agents/{agent.Id}", """{"agent":{"agent_avatars_attributes":[{"degod_avatar_id":9}]}}""");

        first.Status.Should().Be(HttpStatusCode.OK);
        JsonAssert.Parse(first.Body)["agent"]!["primary_avatar_id"]!.GetValue<long>().Should().Be(old.Id + 2);
        JsonAssert.Parse(second.Body)["agent"]!["primary_avatar_id"]!.GetValue<long>().Should().Be(old.Id + 3);
        h.Fake.Avatars.Count(a => a.IsPrimary).Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Delete_is_a_soft_delete_with_an_empty_body(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var agent = h.Fake.AddAgent(h.CarolUser, "TrendBot", h.Company);
        h.Fake.AddAvatar(agent.Id);

        var (status, body, response) = await h.DeleteAsync($"agents/{agent.Id}", Harness.Dave);

        status.Should().Be(HttpStatusCode.OK);
        body.Should().BeEmpty();
        response.Content.Headers.ContentLength.Should().Be(0);
        h.Fake.Agents.Single().IsDeleted.Should().BeTrue();
        (await h.GetAsync($"agents/{agent.Id}")).Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await h.GetAsync("agents")).Body.Should().Be("[]");
        (await h.PatchJsonAsync($"agents/{agent.Id}", """{"agent":{"name":"X"}}""")).Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await h.GetAsync($"agents/{agent.Id}/avatars")).Status.Should().Be(HttpStatusCode.NotFound);
        (await h.DeleteAsync($"agents/{agent.Id}")).Status.Should().Be(HttpStatusCode.UnprocessableEntity);

        // The name is free again.
        (await h.PostJsonAsync("agents", """{"organization_id":10,"agent":{"name":"TrendBot"}}""")).Status.Should().Be(HttpStatusCode.Created);
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Delete_needs_owner_manager_or_creator_else_403_forbidden(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        var byAlice = h.Fake.AddAgent(h.AliceUser, "ByAlice", h.Company);
        var byCarol = h.Fake.AddAgent(h.CarolUser, "ByCarol", h.Company);
        var evesOwn = h.Fake.AddAgent(h.EveUser, "EvesOwn");

        foreach (var (id, key) in new[] { (byAlice.Id, Harness.Carol), (byAlice.Id, Harness.Bob), (byAlice.Id, Harness.Eve), (evesOwn.Id, Harness.Alice) })
        {
            var (status, body, _) = await h.DeleteAsync($"agents/{id}", key);
            status.Should().Be(HttpStatusCode.Forbidden);
            JsonAssert.Error(body, "forbidden");
        }

        (await h.DeleteAsync($"agents/{byCarol.Id}", Harness.Carol)).Status.Should().Be(HttpStatusCode.OK, "the creator may delete");
        (await h.DeleteAsync($"agents/{byAlice.Id}", Harness.Alice)).Status.Should().Be(HttpStatusCode.OK);
        (await h.DeleteAsync($"agents/{evesOwn.Id}", Harness.Eve)).Status.Should().Be(HttpStatusCode.OK);
        var missing = await h.DeleteAsync("agents/999");
        missing.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        JsonAssert.Error(missing.Body, "agent_not_found");
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Malformed_bodies_are_400_bad_request(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);

        var (status, body, _) = await h.PostJsonAsync("agents", """{"agent": {"name": """);

        status.Should().Be(HttpStatusCode.BadRequest);
        JsonAssert.Error(body, "bad_request");
    }
}
