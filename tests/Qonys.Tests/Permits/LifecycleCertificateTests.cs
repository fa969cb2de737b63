using System.Text;
using Qonys.Web.Modules.Permits.Certificate;

namespace Qonys.Tests.Permits;

public sealed class LifecycleCertificateTests
{
    static CertificateContent Content(string number) => new(number, "3", "active", "ТОО Қарағанды Құрылыс", "990340001230", "2142",
        "Civil engineers / Құрылыс инженерлері", "KZ-35", "Karaganda Region / Қарағанды облысы / Карагандинская область",
        new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 4), new DateOnly(2027, 5, 3), "Ли Вэй", "E12345678", "CN",
        "https://qonys.example/verify/" + number);

    [Fact]
    public void The_certificate_is_a_pdf_with_the_number_the_link_and_the_embedded_font()
    {
        SystemFontResolver.FindFile("DejaVuSans").ShouldNotBeNull("install fonts-dejavu-core");
        var pdf = CertificateDocument.Render(Content("35-2026-7K3QX9AB"));

        var text = Encoding.Latin1.GetString(pdf);
        text.ShouldStartWith("%PDF");
        text.ShouldContain("35-2026-7K3QX9AB");
        text.ShouldContain("https://qonys.example/verify/35-2026-7K3QX9AB");
        // DejaVu Sans is embedded (a subset), and the Kazakh/Russian text goes through its Unicode (Identity-H) encoding.
        text.ShouldContain("DejaVu#20Sans");
        text.ShouldContain("/Identity-H");
        text.ShouldContain("/ToUnicode");
        text.ShouldContain("/Image");
    }

    [Fact]
    public void Every_face_resolves_to_DejaVu_Sans()
    {
        SystemFontResolver.Instance.ResolveTypeface("Arial", bold: false, italic: false).FaceName.ShouldBe("DejaVuSans");
        SystemFontResolver.Instance.ResolveTypeface(SystemFontResolver.Family, bold: true, italic: false).FaceName.ShouldBe("DejaVuSans-Bold");
    }
}
