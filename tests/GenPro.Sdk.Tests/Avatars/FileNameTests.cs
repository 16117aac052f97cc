using System.Globalization;
using System.Text;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Avatars;

/// <summary>
/// File names go in raw UTF-8 inside <c>filename="…"</c> (WHATWG's encoding, never <c>filename*</c>) and arrive in
/// real Rack as the <c>original_filename</c> Rails gives: byte for byte, with no way to inject a header or a part.
/// </summary>
public sealed class FileNameTests : IDisposable
{
    private readonly LoopbackServer _server = LoopbackServer.Recording(json: Samples.CreatedAgent);
    private readonly Images.TempDir _dir = new();
    private readonly GenProClient _client;

    public FileNameTests() => _client = _server.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
        _dir.Dispose();
    }

    /// <summary>The name given; what goes between the quotes on the wire; Rails' <c>original_filename</c>.</summary>
    public static TheoryData<string, string, string> Names => new()
    {
        { "face.png", "face.png", "face.png" },
        { "été à Zürich.png", "été à Zürich.png", "été à Zürich.png" },
        { "風景.jpeg", "風景.jpeg", "風景.jpeg" },
        { "smile 😀.png", "smile 😀.png", "smile 😀.png" },
        { "say \"hi\".png", "say %22hi%22.png", "say \"hi\".png" },
        { "back\\slash.png", "slash.png", "slash.png" },
        { "photos/face.png", "face.png", "face.png" },
        { "a\r\nb.png", "a%0D%0Ab.png", "a\r\nb.png" },
        { "a\0b.png", "a%00b.png", "a\0b.png" },
        { "\0", "%00", "\0" },
        { "a\0%41.png", "a%00%2541.png", "a\0%41.png" },
        { "tab\there.png", "tab%09here.png", "tab\there.png" },
        { "bell\u0007 esc\u001b del\u007f.png", "bell%07 esc%1B del%7F.png", "bell\u0007 esc\u001b del\u007f.png" },
        { "100%.png", "100%.png", "100%.png" },
        { "a%41 \"q\".png", "a%2541 %22q%22.png", "a%41 \"q\".png" },
        { "%41.png", "%2541.png", "%41.png" },
        { "a;b.png", "a%3Bb.png", "a;b.png" },
        { "x.png\"; name=\"agent_avatars_attributes[][degod_avatar_id]", "x.png%22%3B name=%22agent_avatars_attributes[][degod_avatar_id]", "x.png\"; name=\"agent_avatars_attributes[][degod_avatar_id]" },
        { "x; name=evil.png", "x%3B name=evil.png", "x; name=evil.png" },
        { "Content-Type: text; x.png", "Content-Type: text%3B x.png", "Content-Type: text; x.png" },
        { "x.png\r\n\r\n--boundary\r\nContent-Disposition: form-data; name=\"evil\"\r\n\r\n1", "x.png%0D%0A%0D%0A--boundary%0D%0AContent-Disposition: form-data%3B name=%22evil%22%0D%0A%0D%0A1", "x.png\r\n\r\n--boundary\r\nContent-Disposition: form-data; name=\"evil\"\r\n\r\n1" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task An_upload_arrives_with_the_name_rails_gives_and_nothing_else(string given, string onTheWire, string originalFilename)
    {
        await _client.Avatars.UploadAsync(42, AvatarUpload.FromBytes(Images.Png, given));

        var request = _server.Requests.Single();
        request.Headers["content-length"].Should().Be(request.Body!.Length.ToString(CultureInfo.InvariantCulture), "UTF-8 headers are counted in UTF-8");
        var part = WireParts.Parts(request.ContentType, request.Body!).Should().ContainSingle("no name can add a part").Subject;
        part.RawHeaders.Should().Be(
            $"Content-Type: image/png\r\nContent-Disposition: form-data; name=\"agent_avatars_attributes[][file]\"; filename=\"{onTheWire}\"",
            "the name is raw UTF-8 in filename=\"…\", with no filename* and no other header");
        (await RealRack.ParamsJsonAsync(request)).Should().Be(Json("agent_avatars_attributes", "[{\"file\":" + FileLabel(originalFilename) + "}]"));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task An_agent_create_carries_the_same_names(string given, string onTheWire, string originalFilename)
    {
        _ = onTheWire;
        await _client.Agents.CreateAsync(new CreateAgentRequest { Name = "A", Avatars = { AvatarUpload.FromStream(new MemoryStream(Images.Png), given) } });

        var request = _server.Requests.Single();
        (await RealRack.ParamsJsonAsync(request)).Should().Be(
            "{\"agent\":{\"name\":\"A\",\"agent_avatars_attributes\":{\"0\":{\"file\":" + FileLabel(originalFilename) + "}}}}");
    }

    [Fact]
    public async Task A_file_on_disk_with_a_cjk_name_is_sent_by_its_name()
    {
        var upload = AvatarUpload.FromFile(_dir.Write("風景.jpeg", Images.Jpeg));
        upload.FileName.Should().Be("風景.jpeg");

        await _client.Avatars.UploadAsync(42, upload);

        var request = _server.Requests.Single();
        Encoding.UTF8.GetString(request.Body!).Should().Contain("filename=\"風景.jpeg\"").And.NotContain("filename*");
        (await RealRack.ParamsJsonAsync(request)).Should().Be("""{"agent_avatars_attributes":[{"file":"file:風景.jpeg:image/jpeg:Jpeg"}]}""");
    }

    [Fact]
    public void The_name_an_upload_reports_is_the_one_rails_will_see()
    {
        AvatarUpload.FromBytes(Images.Png, "photos/2024/face.png").FileName.Should().Be("face.png");
        AvatarUpload.FromStream(new MemoryStream(Images.Png), @"C:\Users\me\face.png").FileName.Should().Be("face.png");
    }

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string FileLabel(string originalFilename) =>
        System.Text.Json.JsonSerializer.Serialize($"file:{originalFilename}:image/png:Png", Relaxed);

    private static string Json(string key, string value) => "{\"" + key + "\":" + value + "}";

    [Fact]
    public void ToString_shows_control_characters_escaped_so_a_name_cannot_forge_a_log_line()
    {
        var upload = AvatarUpload.FromBytes(Images.Png, "a\r\nINFO forged.png");

        upload.ToString().Should().Be("AvatarUpload { FileName = a\\u000d\\u000aINFO forged.png, IsPrimary = False }");
    }
}
