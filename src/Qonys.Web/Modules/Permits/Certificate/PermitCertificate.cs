using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;
using Qonys.Web.Modules.Permits.Access;
using Qonys.Web.Modules.Permits.ChangePermits;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Contracts;

namespace Qonys.Web.Modules.Permits.Certificate;

/// <summary>Configuration of permit documents (section "Qonys").</summary>
internal sealed class PermitDocumentOptions
{
    /// <summary>"Qonys:PublicBaseUrl": where the public verification page lives (default: the request's scheme and host).</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>Everything printed on a permit certificate (the holder's copy, with the worker's name and passport).</summary>
internal sealed record CertificateContent(string Number, string Category, string Status, string EmployerName, string EmployerBin,
    string OccupationCode, string Occupation, string RegionCode, string Region, DateOnly IssuedOn, DateOnly ValidFrom, DateOnly ValidUntil,
    string WorkerName, string PassportNumber, string Citizenship, string VerifyUrl);

/// <summary>The permit certificate as a PDF, within the same reach as reading the permit (not for analysts); its issue is audited as a read of personal data.</summary>
internal sealed class PermitCertificate(AppDb db, PermitScope scope, PermitAccess access, IEmployerDirectory employers, AuditLog audit,
    IOptions<PermitDocumentOptions> options)
{
    public async Task<UseCaseResult<byte[]>> PdfAsync(Actor actor, string number, string requestBaseUrl, CancellationToken ct)
    {
        var permit = await scope.PermitAsync(actor, number, ct);
        // The route lets in only the roles that may download certificates (analysts may not: it names the worker).
        if (permit is null || !access.Allows(actor, PermitOperations.Certificate, permit)) return UseCaseResult<byte[]>.NotFound();
        var employer = await employers.FindAsync(permit.EmployerBin, ct);
        var worker = await db.Set<ApplicationWorker>().AsNoTracking().FirstAsync(w => w.Id == permit.WorkerId, ct);
        var occupation = await db.Set<Occupation>().AsNoTracking().FirstOrDefaultAsync(o => o.Code == permit.OccupationCode, ct);
        var region = await db.Set<Region>().AsNoTracking().FirstOrDefaultAsync(r => r.Code == permit.RegionCode, ct);
        var baseUrl = string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? requestBaseUrl : options.Value.PublicBaseUrl;
        var content = new CertificateContent(permit.Number, permit.Category, permit.Status, employer?.Name ?? "", permit.EmployerBin,
            permit.OccupationCode, occupation is null ? "" : $"{occupation.NameEn} / {occupation.NameKk}", permit.RegionCode,
            region is null ? "" : $"{region.NameEn} / {region.NameKk} / {region.NameRu}", permit.IssuedOn, permit.ValidFrom, permit.ValidUntil,
            worker.FullName, worker.PassportNumber, worker.Citizenship, baseUrl.TrimEnd('/') + "/verify/" + Uri.EscapeDataString(permit.Number));
        var pdf = CertificateDocument.Render(content);
        await audit.RecordNowAsync(actor, PermitLifecycleAuditEvents.CertificateIssued, "permit", number, ct: ct);
        return UseCaseResult<byte[]>.Ok(pdf);
    }
}

/// <summary>Lays out the certificate: one A4 page, the permit's facts, the holder's data and a QR code linking to public verification.</summary>
internal static class CertificateDocument
{
    public static byte[] Render(CertificateContent c)
    {
        SystemFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = "Work permit " + c.Number;
        document.Info.Subject = "Qonys work permit certificate " + c.Number + ", verify at " + c.VerifyUrl;
        document.Info.Creator = "Qonys";
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(210);
        page.Height = XUnit.FromMillimeter(297);
        var title = new XFont(SystemFontResolver.Family, 18, XFontStyleEx.Bold);
        var heading = new XFont(SystemFontResolver.Family, 11, XFontStyleEx.Bold);
        var text = new XFont(SystemFontResolver.Family, 10, XFontStyleEx.Regular);
        const double left = 50;
        const double qrSize = 130;
        var qrLeft = page.Width.Point - 50 - qrSize;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var y = 60.0;
            gfx.DrawString("Рұқсат / Разрешение / Work permit", title, XBrushes.Black, left, y);
            y += 26;
            gfx.DrawString("№ " + c.Number, heading, XBrushes.Black, left, y);
            y += 30;
            foreach (var (label, value) in Lines(c))
            {
                gfx.DrawString(label, heading, XBrushes.Black, left, y);
                gfx.DrawString(value, text, XBrushes.Black, left + 150, y);
                y += 18;
            }
            y += 12;
            gfx.DrawString("Иесінің данасы / Экземпляр владельца / Holder's copy", heading, XBrushes.Black, left, y);
            y += 20;
            foreach (var (label, value) in new[] { ("Worker", c.WorkerName), ("Passport", c.PassportNumber), ("Citizenship", c.Citizenship) })
            {
                gfx.DrawString(label, heading, XBrushes.Black, left, y);
                gfx.DrawString(value, text, XBrushes.Black, left + 150, y);
                y += 18;
            }
            using var qr = XImage.FromStream(new MemoryStream(QrPng(c.VerifyUrl)));
            gfx.DrawImage(qr, qrLeft, 40, qrSize, qrSize);
            gfx.DrawString("Тексеру / Проверка / Verify:", text, XBrushes.Black, left, y + 20);
            gfx.DrawString(c.VerifyUrl, text, XBrushes.Blue, left, y + 36);
        }
        // PDF coordinates start at the bottom left.
        page.AddWebLink(new PdfRectangle(new XRect(qrLeft, page.Height.Point - 40 - qrSize, qrSize, qrSize)), c.VerifyUrl);
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    static IEnumerable<(string Label, string Value)> Lines(CertificateContent c) =>
    [
        ("Category", c.Category),
        ("Status", c.Status.Replace('_', ' ')),
        ("Employer", c.EmployerName),
        ("BIN", c.EmployerBin),
        ("Occupation", $"{c.OccupationCode} {c.Occupation}"),
        ("Region", $"{c.RegionCode} {c.Region}"),
        ("Issued", Day(c.IssuedOn)),
        ("Valid", $"{Day(c.ValidFrom)} — {Day(c.ValidUntil)}"),
    ];

    static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static byte[] QrPng(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        // A palette PNG (explicit RGBA colours): PdfSharp's importer does not read QRCoder's default 1-bit greyscale PNG.
        return new PngByteQRCode(data).GetGraphic(8, [0, 0, 0, 255], [255, 255, 255, 255]);
    }
}
