import Templates
import Testing

@Suite("Modelli Mustache")
struct RenderTests {
    @Test func escapesHTMLInValues() throws {
        let out = try TemplateEngineInfo.render("<p>{{nome}}</p>", ["nome": "Rossi & <Bianchi>"])
        #expect(out == "<p>Rossi &amp; &lt;Bianchi&gt;</p>")
    }
}
