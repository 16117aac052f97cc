using System.Globalization;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Avatars;

/// <summary>Upload progress: bytes of the body written to the connection, never more than the body, ending at all of it.</summary>
public sealed class UploadProgressTests : IDisposable
{
    private readonly RawHttpServer _server = new() { ResponseJson = Samples.CreatedAgent };
    private readonly Images.TempDir _dir = new();
    private readonly GenProClient _client;

    public UploadProgressTests() => _client = _server.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_file_upload_reports_rising_counts_that_end_at_the_body_length()
    {
        var path = _dir.Write("big.png", [.. Images.Png, .. new byte[3 * 1024 * 1024]]);
        var progress = new Recorder();

        await _client.Avatars.UploadAsync(42, [AvatarUpload.FromFile(path)], progress);

        var request = _server.Requests.Single();
        var length = long.Parse(request.Headers["content-length"], CultureInfo.InvariantCulture);
        length.Should().Be(request.BodyLength);
        AssertReports(progress.Values, length);
        progress.Values.Count.Should().BeGreaterThan(10, "a 3 MB body is written in many pieces, each reported");
    }

    [Fact]
    public async Task A_chunked_upload_from_a_non_seekable_stream_ends_at_every_byte_of_the_body()
    {
        var progress = new Recorder();

        await _client.Avatars.UploadAsync(42, [AvatarUpload.FromStream(new Images.NonSeekableStream([.. Images.Png, .. new byte[200_000]]), "s.png")], progress);

        var request = _server.Requests.Single();
        request.Headers.Should().NotContainKey("content-length");
        AssertReports(progress.Values, request.BodyLength);
    }

    [Fact]
    public async Task Mixed_kinds_report_each_request_from_zero()
    {
        var progress = new Recorder();

        await _client.Avatars.UploadAsync(42, [AvatarUpload.FromDeGod(7), AvatarUpload.FromBytes(Images.Png, "a.png")], progress);

        var requests = _server.Requests;
        requests.Should().HaveCount(2);
        var restart = Enumerable.Range(1, progress.Values.Count - 1).Single(i => progress.Values[i] < progress.Values[i - 1]);
        AssertReports(progress.Values[..restart], requests[0].BodyLength);
        AssertReports(progress.Values[restart..], requests[1].BodyLength);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Agent_create_and_update_report_through_the_request(bool withFile)
    {
        var created = new Recorder();
        var updated = new Recorder();
        AvatarUpload Avatar() => withFile ? AvatarUpload.FromBytes(Images.Png, "a.png") : AvatarUpload.FromDeGod(7);

        await _client.Agents.CreateAsync(new CreateAgentRequest { Name = "A", Avatars = { Avatar() }, UploadProgress = created });
        _server.ResponseJson = Samples.UpdatedAgent;
        await _client.Agents.UpdateAsync(42, new UpdateAgentRequest { Name = "B", Avatars = { Avatar() }, UploadProgress = updated });

        var requests = _server.Requests;
        requests[0].ContentType.Should().StartWith(withFile ? "multipart/form-data" : "application/json");
        AssertReports(created.Values, requests[0].BodyLength);
        AssertReports(updated.Values, requests[1].BodyLength);
    }

    [Fact]
    public async Task A_null_progress_is_refused()
    {
        var act = () => _client.Avatars.UploadAsync(42, [AvatarUpload.FromDeGod(7)], progress: null!);

        (await act.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("progress");
        _server.Requests.Should().BeEmpty();
    }

    private static void AssertReports(List<long> values, long bodyLength)
    {
        values.Should().NotBeEmpty();
        values.Should().BeInAscendingOrder().And.OnlyContain(v => v > 0 && v <= bodyLength);
        values[^1].Should().Be(bodyLength);
    }

    /// <summary>Records reports as they happen (not posted to a context, as <see cref="Progress{T}"/> would).</summary>
    private sealed class Recorder : IProgress<long>
    {
        public List<long> Values { get; } = [];

        public void Report(long value)
        {
            lock (Values)
            {
                Values.Add(value);
            }
        }
    }
}
