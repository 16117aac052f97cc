namespace GenPro.Sdk.Testing.Multipart;

/// <summary>A file part of a multipart body, as Rack hands an upload to Rails.</summary>
internal sealed class RackFile(string fileName, string? contentType, byte[] content)
{
    public string FileName { get; } = fileName;

    public string? ContentType { get; } = contentType;

    public ReadOnlyMemory<byte> Content { get; } = content;

    public override string ToString() => $"RackFile {{ FileName = {FileName}, ContentType = {ContentType}, Length = {Content.Length} }}";
}
