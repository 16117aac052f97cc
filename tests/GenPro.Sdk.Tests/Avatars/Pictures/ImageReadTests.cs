using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using GenPro.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GenPro.Sdk.Tests.Avatars.Pictures;

/// <summary>
/// Issue 25: reading a picture behaves as a careful user expects, on both construction paths over loopback: its format
/// by its magic bytes, the size cap, the whole-call timeout over the body, typed errors, GET retries, cancellation, and a
/// stream whose disposal releases the connection.
/// </summary>
public sealed class ImageReadTests
{
    private static readonly TimeSpan HardBound = TimeSpan.FromSeconds(60);

    public static TheoryData<string, string, string> Formats() => ClientPaths.Cross(
        ("Png", "image/png"), ("Jpeg", "image/jpeg"), ("WebP", "image/webp"));

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_picture_comes_with_its_format_by_magic_bytes_its_length_and_its_bytes(string path, string format, string contentType)
    {
        var bytes = Images.Named.Single(n => n.Name == format).Bytes;
        using var cdn = ImageServers.Cdn(_ => (200, "application/octet-stream", bytes));
        using var client = Client(path, cdn);

        await using var image = await client.Avatars.OpenReadAsync(ImageServers.Avatar(ImageServers.Root(cdn)), AvatarImageSize.Original).WaitAsync(HardBound);

        image.ContentType.Should().Be(contentType, "the bytes decide, not the CDN's Content-Type");
        image.FileExtension.Should().Be(contentType == "image/jpeg" ? ".jpg" : "." + contentType[6..]);
        image.Length.Should().Be(bytes.Length);
        image.Url.Should().Be(new Uri(ImageServers.Root(cdn), "avatars/7/original.png"));
        image.ToString().Should().Be($"AvatarImage {{ ContentType = {contentType}, Length = {bytes.Length}, Url = {image.Url} }}");
        (await ImageKeyIsolationTests.ReadAll(image)).Should().Equal(bytes);
        cdn.Requests.Should().ContainSingle().Which.Target.Should().Be("/avatars/7/original.png");
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task SaveAsync_writes_the_whole_picture_to_a_file(string path)
    {
        using var cdn = ImageServers.Cdn(ImageServers.Png);
        using var client = Client(path, cdn);
        using var dir = new Images.TempDir();

        await using var image = await client.Avatars.OpenReadAsync(ImageServers.Avatar(ImageServers.Root(cdn)), AvatarImageSize.Thumbnail).WaitAsync(HardBound);
        var file = Path.Combine(dir.Path, "thumbnail" + image.FileExtension);
        (await image.SaveAsync(file).WaitAsync(HardBound)).Should().Be(ImageServers.Png.Length);

        File.ReadAllBytes(file).Should().Equal(ImageServers.Png);
    }

    public static TheoryData<string, string> NotPictures() => ClientPaths.Cross("Gif", "Text", "Empty");

    [Theory]
    [MemberData(nameof(NotPictures))]
    public async Task A_body_that_is_not_a_jpeg_png_or_webp_is_a_GenProApiException(string path, string what)
    {
        var (bytes, type) = what switch
        {
            "Gif" => (Images.Gif, "image/gif"),
            "Text" => ("<html>Not found</html>"u8.ToArray(), "text/html"),
            _ => (Array.Empty<byte>(), "image/png"),
        };
        using var cdn = ImageServers.Cdn(_ => (200, type, bytes));
        using var client = Client(path, cdn);

        var e = (await FluentActions.Awaiting(() => client.Avatars.OpenReadAsync(ImageServers.Avatar(ImageServers.Root(cdn)), AvatarImageSize.Thumbnail).WaitAsync(HardBound))
            .Should().ThrowExactlyAsync<GenProApiException>()).Which;

        e.StatusCode.Should().Be(HttpStatusCode.OK);
        e.RequestId.Should().NotBeNullOrEmpty();
        e.Message.Should().StartWith("GET /avatars/7/thumbnail.png answered 200 OK, but ").And.Contain(what switch
        {
            "Gif" => "its body is not a JPEG, PNG or WebP image (it starts with 4749463839610100; Content-Type image/gif).",
            "Text" => "its body is not a JPEG, PNG or WebP image (it starts with 3C68746D6C3E4E6F; Content-Type text/html).",
            _ => "its body is empty, not a picture.",
        });
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_404_from_the_cdn_is_a_GenProNotFoundException(string path)
    {
        using var cdn = ImageServers.Cdn(_ => (404, "text/html", "<h1>Not Found</h1>"u8.ToArray()));
        using var client = Client(path, cdn);

        var e = (await FluentActions.Awaiting(() => client.Avatars.OpenReadAsync(ImageServers.Avatar(ImageServers.Root(cdn)), AvatarImageSize.Thumbnail).WaitAsync(HardBound))
            .Should().ThrowExactlyAsync<GenProNotFoundException>()).Which;

        e.StatusCode.Should().Be(HttpStatusCode.NotFound);
        e.Message.Should().StartWith("GET /avatars/7/thumbnail.png answered 404 NotFound with a body that is not a GEN error (text/html)");
        cdn.Requests.Should().ContainSingle("a 404 is not retried");
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_transient_cdn_failure_is_retried_as_any_get(string path)
    {
        var answered = 0;
        using var cdn = ImageServers.Cdn(_ => Interlocked.Increment(ref answered) == 1 ? (503, "text/plain", "busy"u8.ToArray()) : (200, "image/png", ImageServers.Png));
        using var client = Client(path, cdn);

        await using var image = await client.Avatars.OpenReadAsync(ImageServers.Avatar(ImageServers.Root(cdn)), AvatarImageSize.Thumbnail).WaitAsync(HardBound);

        (await ImageKeyIsolationTests.ReadAll(image)).Should().Equal(ImageServers.Png);
        cdn.Requests.Should().HaveCount(2);
        cdn.Requests.Select(r => r.Headers["x-request-id"]).Distinct().Should().ContainSingle("both attempts are one operation");
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_cdn_outage_does_not_open_the_circuit_for_the_apis_own_calls(string path)
    {
        using var cdn = ImageServers.Cdn(_ => (503, "text/plain", "down"u8.ToArray()));
        using var api = LoopbackServer.Recording(200, ImageServers.Agent(ImageServers.Root(cdn)));
        var options = ApiServer.FastOptions(api.BaseAddress);
        options.Retry.MaxRetries = 0;
        using var client = ClientPaths.Create(path, options);
        var picture = new Uri(ImageServers.Root(cdn), "avatars/7/thumbnail.png");

        // More failures than the breaker's minimum throughput (100 in 30 s), all of them transient.
        for (var i = 0; i < 120; i++)
        {
            await FluentActions.Awaiting(() => client.Avatars.OpenReadAsync(picture).WaitAsync(HardBound)).Should().ThrowExactlyAsync<GenProServerException>();
        }

        (await client.Agents.GetAsync(42).WaitAsync(HardBound)).Name.Should().Be("TrendBot");
        cdn.Requests.Should().HaveCount(120);
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_content_length_over_the_cap_is_refused_before_reading(string path)
    {
        using var cdn = ImageServers.Cdn(new byte[5000].Select((_, i) => i < ImageServers.Png.Length ? ImageServers.Png[i] : (byte)0).ToArray());
        var options = ApiServer.FastOptions(cdn.BaseAddress);
        options.MaxImageSize = 1000;
        using var client = ClientPaths.Create(path, options);

        var e = (await FluentActions.Awaiting(() => client.Avatars.OpenReadAsync(ImageServers.Avatar(ImageServers.Root(cdn)), AvatarImageSize.Thumbnail).WaitAsync(HardBound))
            .Should().ThrowExactlyAsync<GenProApiException>()).Which;

        e.Message.Should().StartWith("GET /avatars/7/thumbnail.png answered 200 OK, but its Content-Length (5000 bytes) is above GenProClientOptions.MaxImageSize (1000 bytes, counted after decompression); the SDK did not read it.");
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task An_endless_picture_stops_at_the_cap(string path)
    {
        using var cdn = LoopbackServer.Scripted(async (_, stream) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nTransfer-Encoding: chunked\r\n\r\n"));
            var chunk = Encoding.ASCII.GetBytes("1000\r\n").Concat(new byte[0x1000]).Concat("\r\n"u8.ToArray()).ToArray();
            ImageServers.Png.AsSpan(0, 8).CopyTo(chunk.AsSpan(6));
            await stream.WriteAsync(chunk);
            chunk.AsSpan(6, 8).Clear();
            while (true)
            {
                await stream.WriteAsync(chunk); // until the client closes the connection
            }
        });
        var options = ApiServer.FastOptions(cdn.BaseAddress);
        options.MaxImageSize = 100_000;
        using var client = ClientPaths.Create(path, options);
        await using var image = await client.Avatars.OpenReadAsync(ImageServers.Avatar(ImageServers.Root(cdn)), AvatarImageSize.Thumbnail).WaitAsync(HardBound);
        image.Length.Should().BeNull();

        var e = (await FluentActions.Awaiting(() => image.CopyToAsync(Stream.Null).WaitAsync(HardBound)).Should().ThrowExactlyAsync<GenProApiException>()).Which;

        e.Message.Should().StartWith("GET /avatars/7/thumbnail.png answered 200 OK, but its body is larger than GenProClientOptions.MaxImageSize (100000 bytes, counted after decompression); the SDK stopped reading it.");
        image.Content.Position.Should().BeLessThan(100_000 + 0x1000 + 1);
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task The_whole_call_timeout_bounds_reading_the_body_on_the_clients_clock(string path)
    {
        using var cdn = LoopbackServer.Scripted(async (_, stream) =>
        {
            await ImageServers.StartBodyAsync(stream, announced: 10_000);
            await stream.ReadExactlyAsync(new byte[1]); // holds the rest back until the client goes away
        });
        var time = new FakeTimeProvider();
        var options = ApiServer.FastOptions(cdn.BaseAddress);
        options.Timeout = TimeSpan.FromMinutes(30);
        options.Retry.AttemptTimeout = Timeout.InfiniteTimeSpan;
        using var client = ClientPaths.Create(path, options, time: time);
        await using var image = await client.Avatars.OpenReadAsync(ImageServers.Avatar(ImageServers.Root(cdn)), AvatarImageSize.Thumbnail).WaitAsync(HardBound);
        var reading = image.CopyToAsync(Stream.Null);
        reading.IsCompleted.Should().BeFalse("the rest of the body is held back");

        time.Advance(TimeSpan.FromMinutes(31));

        var e = (await FluentActions.Awaiting(() => reading.WaitAsync(HardBound)).Should().ThrowExactlyAsync<GenProConnectionException>()).Which;
        e.Message.Should().StartWith("GET /avatars/7/thumbnail.png failed: it timed out after 1800 s (GenProClientOptions.Timeout), which bounds the whole call: sending, retries and reading the response body.");
        e.RequestId.Should().Be(cdn.Requests.Single().Headers["x-request-id"]);
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task The_callers_cancellation_stays_an_OperationCanceledException(string path)
    {
        using var cdn = LoopbackServer.Scripted(async (_, stream) =>
        {
            await ImageServers.StartBodyAsync(stream, announced: 10_000);
            await stream.ReadExactlyAsync(new byte[1]);
        });
        using var client = Client(path, cdn);
        using var cancel = new CancellationTokenSource();
        await using var image = await client.Avatars.OpenReadAsync(ImageServers.Avatar(ImageServers.Root(cdn)), AvatarImageSize.Thumbnail, cancel.Token).WaitAsync(HardBound);
        using var perRead = new CancellationTokenSource();
        var reading = image.CopyToAsync(Stream.Null, perRead.Token);

        perRead.Cancel();
        (await FluentActions.Awaiting(() => reading.WaitAsync(HardBound)).Should().ThrowAsync<OperationCanceledException>()).Which.CancellationToken.Should().Be(perRead.Token);

        cancel.Cancel();
        (await FluentActions.Awaiting(() => image.CopyToAsync(Stream.Null).WaitAsync(HardBound)).Should().ThrowAsync<OperationCanceledException>())
            .Which.CancellationToken.Should().Be(cancel.Token, "the call's own token ends the read it started");
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task Disposing_an_unread_picture_closes_its_connection(string path)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cdn = LoopbackServer.Scripted(async (_, stream) =>
        {
            // 16 MiB announced: more than the handler would drain to keep the connection, so disposing must close it.
            await ImageServers.StartBodyAsync(stream, announced: 16L * 1024 * 1024);
            try
            {
                if (await stream.ReadAsync(new byte[1]) == 0)
                {
                    closed.TrySetResult();
                }
            }
            catch (IOException)
            {
                closed.TrySetResult();
            }
        });
        var options = ApiServer.FastOptions(cdn.BaseAddress);
        options.MaxImageSize = 32L * 1024 * 1024;
        using var client = ClientPaths.Create(path, options);
        var image = await client.Avatars.OpenReadAsync(ImageServers.Avatar(ImageServers.Root(cdn)), AvatarImageSize.Thumbnail).WaitAsync(HardBound);
        var first = new byte[8];
        (await image.Content.ReadAsync(first)).Should().Be(8);
        first.Should().Equal(ImageServers.Png[..8]);
        closed.Task.IsCompleted.Should().BeFalse();

        await image.DisposeAsync();

        await closed.Task.WaitAsync(HardBound);
        FluentActions.Invoking(() => image.Content.ReadByte()).Should().Throw<ObjectDisposedException>();
        image.Content.CanRead.Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_picture_read_to_the_end_and_disposed_gives_its_connection_back(string path)
    {
        var connections = new StrongBox<int>();
        using var cdn = ImageServers.Cdn(ImageServers.Png, connections);
        using var client = Client(path, cdn);
        var avatar = ImageServers.Avatar(ImageServers.Root(cdn));

        for (var i = 0; i < 3; i++)
        {
            await using var image = await client.Avatars.OpenReadAsync(avatar, AvatarImageSize.Thumbnail).WaitAsync(HardBound);
            (await ImageKeyIsolationTests.ReadAll(image)).Should().Equal(ImageServers.Png);
        }

        cdn.Requests.Should().HaveCount(3);
        connections.Value.Should().Be(1, "each read's connection went back to the pool and was reused");
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task Reading_a_picture_is_one_span_and_logs_named_Avatars_OpenRead_without_the_key(string path)
    {
        var spans = new List<Activity>();
        using var listener = Spans.Listen(spans);
        using var logging = Scenarios.FakeLogging(out var logs);
        using var cdn = ImageServers.Cdn(ImageServers.Png);
        using var client = ClientPaths.Create(path, ApiServer.FastOptions(cdn.BaseAddress), logging);
        var requestId = Guid.NewGuid().ToString();

        await using (var image = await client.Avatars.OpenReadAsync(ImageServers.Avatar(ImageServers.Root(cdn)), AvatarImageSize.Thumbnail, new GenProRequestOptions { RequestId = requestId }).WaitAsync(HardBound))
        {
            await ImageKeyIsolationTests.ReadAll(image);
        }

        var span = Spans.Of(spans, requestId);
        span.DisplayName.Should().Be("GenPro.Avatars.OpenRead");
        span.GetTagItem("http.response.status_code").Should().Be(200);
        cdn.Requests.Single().Headers["x-request-id"].Should().Be(requestId);
        var messages = logs.GetSnapshot().Select(r => r.Message).ToList();
        messages.Should().Contain("GenPro Avatars.OpenRead starting")
            .And.Contain(m => m.StartsWith("GenPro Avatars.OpenRead: GET /avatars/7/thumbnail.png answered 200 in ", StringComparison.Ordinal));
        messages.Should().NotContain(m => m.Contains(ApiServer.ApiKey, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task Bad_arguments_are_refused_before_anything_is_sent(string path)
    {
        using var cdn = ImageServers.Cdn(ImageServers.Png);
        using var client = Client(path, cdn);
        var avatar = ImageServers.Avatar(ImageServers.Root(cdn));

        await FluentActions.Awaiting(() => client.Avatars.OpenReadAsync((Avatar)null!, AvatarImageSize.Thumbnail)).Should().ThrowExactlyAsync<ArgumentNullException>().WithParameterName("avatar");
        await FluentActions.Awaiting(() => client.Avatars.OpenReadAsync((Uri)null!)).Should().ThrowExactlyAsync<ArgumentNullException>().WithParameterName("imageUrl");
        await FluentActions.Awaiting(() => client.Avatars.OpenReadAsync(avatar with { ThumbnailUrl = null }, AvatarImageSize.Thumbnail)).Should().ThrowExactlyAsync<ArgumentException>()
            .WithMessage("The avatar #7 has no thumbnail_url (the API sent none): there is no Thumbnail picture to read.*").WithParameterName("avatar");
        await FluentActions.Awaiting(() => client.Avatars.OpenReadAsync(avatar, (AvatarImageSize)7)).Should().ThrowExactlyAsync<ArgumentOutOfRangeException>().WithParameterName("size");
        await FluentActions.Awaiting(() => client.Avatars.OpenReadAsync(new Uri("http://cdn.gen.pro/a.png"))).Should().ThrowExactlyAsync<ArgumentException>()
            .WithMessage("The image URL must use https (plain http is allowed for loopback hosts only); it was http://cdn.gen.pro.*").WithParameterName("imageUrl");
        await FluentActions.Awaiting(() => client.Avatars.OpenReadAsync(avatar with { Url = new Uri("ftp://cdn.gen.pro/a.png") }, AvatarImageSize.Original)).Should().ThrowExactlyAsync<ArgumentException>()
            .WithMessage("The avatar's url must use https*").WithParameterName("avatar");
        await FluentActions.Awaiting(() => client.Avatars.OpenReadAsync(new Uri("https://user:secret@cdn.gen.pro/a.png"))).Should().ThrowExactlyAsync<ArgumentException>()
            .WithMessage("The image URL must not carry user info.*");
        await FluentActions.Awaiting(() => client.Avatars.OpenReadAsync(avatar, AvatarImageSize.Thumbnail, new GenProRequestOptions { Headers = { ["X-API-Key"] = "x" } }))
            .Should().ThrowExactlyAsync<ArgumentException>().WithParameterName("requestOptions");

        cdn.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_size_cap_that_is_not_positive_is_refused(long size)
    {
        var act = () => new GenProClient(new GenProClientOptions { ApiKey = ApiServer.ApiKey, MaxImageSize = size });

        act.Should().ThrowExactly<ArgumentException>().WithMessage("GenProClientOptions.MaxImageSize must be a positive number of bytes (8 MiB unless set).*");
        new GenProClientOptions().ToString().Should().Contain("MaxImageSize = 8388608");
        GenProClientOptions.DefaultMaxImageSize.Should().Be(8 * 1024 * 1024);
    }

    [Fact]
    public async Task A_size_cap_bound_from_configuration_is_validated_at_start_up_naming_its_key()
    {
        var settings = new Dictionary<string, string?> { ["GenPro:ApiKey"] = "gen_pat_ok", ["GenPro:MaxImageSize"] = "0" };
        using var host = GenPro.Sdk.Tests.DependencyInjection.AddGenProClientTests.BuildHost(settings, (s, c) => s.AddGenProClient(c.GetSection("GenPro")));

        var e = (await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowExactlyAsync<Microsoft.Extensions.Options.OptionsValidationException>()).Which;

        e.Failures.Should().Equal("GenPro:MaxImageSize must be a positive number of bytes (8 MiB unless set).");
    }

    private static TestClient Client(string path, LoopbackServer cdn) => ClientPaths.Create(path, ApiServer.FastOptions(cdn.BaseAddress));
}
