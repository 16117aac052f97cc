/// <summary>
/// Tiny but complete images (decoded and checked with Pillow), so the sample needs no files. The API accepts JPEG, PNG
/// and WebP; the SDK recognises them by their first bytes and refuses anything else before sending.
/// </summary>
internal static class TinyImages
{
    /// <summary>A 2×2 purple PNG (79 bytes).</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGOMsjnBwMDAxMDAwMDAAAAQJAFiilVxOAAAAABJRU5ErkJggg==");

    /// <summary>A 1×1 grey JPEG (159 bytes).</summary>
    public static readonly byte[] Jpeg = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/" +
        "wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AP//Z");

    /// <summary>A 2×2 purple lossless WebP (38 bytes).</summary>
    public static readonly byte[] WebP = Convert.FromBase64String("UklGRh4AAABXRUJQVlA4TBEAAAAvAUAAAAdQnmoVuf+BiOh/AAA=");
}
