using System.Globalization;
using System.Text;
using GenPro.Sdk.Avatars.Images;

namespace GenPro.Sdk.Bodies;

/// <summary>
/// Builds a <c>multipart/form-data</c> body with Rails field names. Each part's <c>Content-Disposition</c> is written
/// by hand and sent as UTF-8 (<see cref="MultipartContent.HeaderEncodingSelector"/>): .NET's own header types either
/// MIME-encode non-ASCII file names or add <c>filename*</c>, which Rack misreads (see <see cref="PartFileName"/>).
/// Images are opened (and sniffed) as they are added, so a refused image fails the build before any request starts.
/// </summary>
internal sealed class FormBuilder : IDisposable
{
    private MultipartFormDataContent? _content = new("GenProFormBoundary" + Guid.NewGuid().ToString("N"))
    {
        HeaderEncodingSelector = static (_, _) => Encoding.UTF8,
    };

    /// <summary>True once an image part that cannot be serialized twice was added.</summary>
    public bool NonReplayable { get; private set; }

    public void AddText(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        // No Content-Type: Rack reads a part without a file name as a plain parameter.
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
        part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{name}\"");
        Content.Add(part);
    }

    /// <summary>Adds <paramref name="field"/> under its Rails name; an image's errors name <paramref name="imageParamName"/>.</summary>
    public Task AddAsync(BodyField field, string imageParamName, CancellationToken cancellationToken)
    {
        var name = field.FormName;
        switch (field.Value)
        {
            case ImageSource image:
                return AddImageAsync(name, image, imageParamName, cancellationToken);
            case string text:
                AddText(name, text);
                break;
            case long number:
                AddText(name, number.ToString(CultureInfo.InvariantCulture));
                break;
            case bool flag:
                AddText(name, flag ? "true" : "false");
                break;
            default:
                throw new InvalidOperationException($"A form field cannot hold a {field.Value.GetType().Name}.");
        }

        return Task.CompletedTask;
    }

    public async Task AddImageAsync(string name, ImageSource image, string paramName, CancellationToken cancellationToken)
    {
        var part = await image.OpenAsync(paramName, this, cancellationToken).ConfigureAwait(false);
        part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{name}\"; filename=\"{PartFileName.Quote(image.FileName)}\"");
        Content.Add(part); // owned by the form from here: disposing the form disposes it
        NonReplayable |= !part.IsReplayable;
    }

    /// <summary>Hands the body over (reporting to <paramref name="progress"/> as it is written); the builder no longer disposes it.</summary>
    public RequestBody Build(IProgress<long>? progress)
    {
        var body = new RequestBody(Content, NonReplayable, progress);
        _content = null;
        return body;
    }

    public void Dispose() => _content?.Dispose();

    private MultipartFormDataContent Content => _content ?? throw new ObjectDisposedException(nameof(FormBuilder));
}
