using System.Text;
using GenPro.Sdk.Testing.Multipart;
using GenPro.Sdk.Testing.Tests.Infrastructure;

namespace GenPro.Sdk.Testing.Tests;

public sealed class RackParamsTests
{
    private static readonly RackFile File1 = new("a.png", "image/png", Images.Png);
    private static readonly RackFile File2 = new("b.png", "image/png", Images.Png);

    private static Dictionary<string, object?> Parse(params (string Name, object? Value)[] pairs) =>
        RackParams.Parse(pairs.Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)));

    private static List<object?> Items(Dictionary<string, object?> root, string key) => (List<object?>)root[key]!;

    [Fact]
    public void File_then_degod_id_merge_into_one_object()
    {
        var root = Parse(("a[][file]", File1), ("a[][degod_avatar_id]", "7"));

        var items = Items(root, "a");
        items.Should().ContainSingle();
        items[0].Should().BeEquivalentTo(new Dictionary<string, object?> { ["file"] = File1, ["degod_avatar_id"] = "7" });
    }

    [Fact]
    public void A_repeated_key_starts_a_new_object()
    {
        var root = Parse(("a[][file]", File1), ("a[][file]", File2), ("a[][degod_avatar_id]", "7"), ("a[][degod_avatar_id]", "8"));

        var items = Items(root, "a").Cast<Dictionary<string, object?>>().ToList();
        items.Should().HaveCount(3);
        items[0].Should().ContainKey("file").WhoseValue.Should().BeSameAs(File1);
        items[0].Should().NotContainKey("degod_avatar_id");
        items[1]["file"].Should().BeSameAs(File2);
        items[1]["degod_avatar_id"].Should().Be("7");
        items[2].Should().Equal(new Dictionary<string, object?> { ["degod_avatar_id"] = "8" });
    }

    [Fact]
    public void Nested_agent_fields_and_avatar_array_under_agent()
    {
        var root = Parse(
            ("organization_id", "10"),
            ("agent[name]", "TrendBot"),
            ("agent[agent_avatars_attributes][][file]", File1),
            ("agent[agent_avatars_attributes][][is_primary]", "true"),
            ("agent[agent_avatars_attributes][][degod_avatar_id]", "7"),
            ("agent[agent_avatars_attributes][][degod_avatar_id]", "8"));

        root["organization_id"].Should().Be("10");
        var agent = (Dictionary<string, object?>)root["agent"]!;
        agent["name"].Should().Be("TrendBot");
        var avatars = Items(agent, "agent_avatars_attributes").Cast<Dictionary<string, object?>>().ToList();
        avatars.Should().HaveCount(2);
        avatars[0].Keys.Should().Equal("file", "is_primary", "degod_avatar_id");
        avatars[1].Should().Equal(new Dictionary<string, object?> { ["degod_avatar_id"] = "8" });
    }

    [Fact]
    public void Plain_array_and_last_value_wins_for_scalars()
    {
        var root = Parse(("ids[]", "1"), ("ids[]", "2"), ("name", "a"), ("name", "b"));

        Items(root, "ids").Should().Equal("1", "2");
        root["name"].Should().Be("b");
    }

    [Fact]
    public void Deeper_keys_inside_array_items_follow_the_has_key_walk()
    {
        var root = Parse(("a[][x][y]", "1"), ("a[][x][z]", "2"), ("a[][x][y]", "3"));

        var items = Items(root, "a").Cast<Dictionary<string, object?>>().ToList();
        items.Should().HaveCount(2);
        ((Dictionary<string, object?>)items[0]["x"]!).Should().Equal(new Dictionary<string, object?> { ["y"] = "1", ["z"] = "2" });
        ((Dictionary<string, object?>)items[1]["x"]!).Should().Equal(new Dictionary<string, object?> { ["y"] = "3" });
    }

    [Fact]
    public void A_name_used_as_hash_and_array_is_refused()
    {
        var act = () => Parse(("a[b]", "1"), ("a[]", "2"));

        act.Should().Throw<RackParamsException>().WithMessage("*expected Array (got Hash)*");
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var name = "a" + string.Concat(Enumerable.Repeat("[b]", RackParams.DepthLimit + 1));

        var act = () => Parse((name, "1"));

        act.Should().Throw<RackParamsException>();
    }

    [Fact]
    public async Task Multipart_bodies_parse_files_fields_and_drop_empty_file_names()
    {
        using var form = new MultipartFormDataContent("b0undary");
        form.Add(new StringContent("TrendBot"), "agent[name]");
        form.Add(Images.File(Images.Png), "agent[agent_avatars_attributes][][file]", "face.png");
        form.Add(new StringContent("7"), "agent[agent_avatars_attributes][][degod_avatar_id]");
        var noFile = Images.File(Images.Png);
        noFile.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data") { Name = "\"ignored\"", FileName = "\"\"" };
        form.Add(noFile);
        var body = await form.ReadAsByteArrayAsync();

        var root = await RequestParams.ReadAsync(body, form.Headers.ContentType!.ToString(), CancellationToken.None);

        root.Should().NotContainKey("ignored");
        var agent = (Dictionary<string, object?>)root["agent"]!;
        agent["name"].Should().Be("TrendBot");
        var avatar = (Dictionary<string, object?>)Items(agent, "agent_avatars_attributes").Single()!;
        var file = avatar["file"].Should().BeOfType<RackFile>().Subject;
        file.FileName.Should().Be("face.png");
        file.ContentType.Should().Be("image/png");
        file.Content.ToArray().Should().Equal(Images.Png);
        avatar["degod_avatar_id"].Should().Be("7");
    }

    [Fact]
    public async Task Json_bodies_keep_numbers_and_booleans_as_text()
    {
        var json = """{"organization_id": 10, "agent": {"name": "X", "agent_avatars_attributes": [{"degod_avatar_id": "7", "is_primary": true}]}}""";

        var root = await RequestParams.ReadAsync(Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8", CancellationToken.None);

        root["organization_id"].Should().Be("10");
        var avatar = (Dictionary<string, object?>)Items((Dictionary<string, object?>)root["agent"]!, "agent_avatars_attributes").Single()!;
        avatar.Should().Equal(new Dictionary<string, object?> { ["degod_avatar_id"] = "7", ["is_primary"] = "true" });
    }

    [Fact]
    public async Task Url_encoded_bodies_use_the_same_rules()
    {
        var body = Encoding.UTF8.GetBytes("agent%5Bname%5D=Trend+Bot&a[][k]=1&a[][k]=2");

        var root = await RequestParams.ReadAsync(body, "application/x-www-form-urlencoded", CancellationToken.None);

        ((Dictionary<string, object?>)root["agent"]!)["name"].Should().Be("Trend Bot");
        Items(root, "a").Should().HaveCount(2);
    }
}
