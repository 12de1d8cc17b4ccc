package dev.greenlight.python.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The byte arrays mirror files of CPython's test suite that exercise PEP 263 (named in each test),
 * built inline so that the tests do not depend on a Python installation.
 */
class SourceDecoderTest {

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else if (p instanceof int[] ints) {
                for (int i : ints) {
                    out.write(i);
                }
            } else {
                out.writeBytes((byte[]) p);
            }
        }
        return out.toByteArray();
    }

    private static final int[] BOM = {0xEF, 0xBB, 0xBF};

    private static SourceDecoder.DecodedSource ok(byte[] b) {
        SourceDecoder.DecodedSource d = SourceDecoder.decode(b);
        assertNull(d.error(), d.error());
        return d;
    }

    @Test
    void utf8ByDefault() {
        assertEquals("x = 'é€😀'\n", ok(bytes("x = 'é€😀'\n")).text());
        assertEquals("", ok(new byte[0]).text());
    }

    @Test
    void byteOrderMarkIsDropped() {
        // tokenize_tests-no-coding-cookie-and-utf8-bom-sig-only.txt
        assertEquals("x = 'é'\n", ok(bytes(BOM, "x = 'é'\n")).text());
        // tokenize_tests-utf8-coding-cookie-and-utf8-bom-sig.txt
        assertEquals("# -*- coding: utf-8 -*-\nx = 1\n", ok(bytes(BOM, "# -*- coding: utf-8 -*-\nx = 1\n")).text());
    }

    @Test
    void byteOrderMarkWithAnotherCookie() {
        // bad_coding2.py: a BOM, then "#coding: utf8" (CPython only takes the spelling utf-8 with a BOM).
        SourceDecoder.DecodedSource d = SourceDecoder.decode(bytes(BOM, "#coding: utf8\nprint('我')\n"));
        assertEquals("encoding problem: utf8 with BOM", d.error());
        assertEquals("#coding: utf8\nprint('我')\n", d.text());
        // tokenize_tests-latin1-coding-cookie-and-utf8-bom-sig.txt
        assertEquals("encoding problem: iso-8859-1 with BOM",
            SourceDecoder.decode(bytes(BOM, "# -*- coding: latin-1 -*-\nx = 1\n")).error());
    }

    @Test
    void unknownEncoding() {
        // bad_coding.py
        SourceDecoder.DecodedSource d = SourceDecoder.decode(bytes("# -*- coding: uft-8 -*-\n"));
        assertEquals("unknown encoding: uft-8", d.error());
        assertEquals("# -*- coding: uft-8 -*-\n", d.text());
    }

    @Test
    void invalidUtf8WithoutCookie() {
        // badsyntax_pep3120.py: latin-1 bytes, no declaration.
        SourceDecoder.DecodedSource d = SourceDecoder.decode(bytes("print(\"b", new int[] {0xF6}, "se\")\n"));
        assertEquals("(unicode error) 'utf-8' codec can't decode byte 0xf6 in position 1: invalid start byte",
            d.error());
        assertEquals("print(\"b\uFFFDse\")\n", d.text());
        assertEquals("(unicode error) 'utf-8' codec can't decode byte 0xf6 in position 1: invalid start byte",
            SourceDecoder.decode(bytes("x", new int[] {0xF6})).error());
        assertEquals("(unicode error) 'utf-8' codec can't decode byte 0xf6 in position 0: invalid start byte",
            SourceDecoder.decode(bytes("x = 1\n", new int[] {0xF6}, "\n")).error());
        assertEquals("(unicode error) 'utf-8' codec can't decode byte 0xe4 in position 0: unexpected end of data",
            SourceDecoder.decode(bytes("print(\"", new int[] {0xE4}, "\")\n")).error());
        // A cookie on line 2 after a line of code is no cookie.
        assertEquals("(unicode error) 'utf-8' codec can't decode byte 0xf6 in position 0: invalid start byte",
            SourceDecoder.decode(bytes("x=1\n# coding: latin-1\ny=\"", new int[] {0xF6}, "\"\n")).error());
    }

    @Test
    void latin1Cookie() {
        // encoded_modules/module_iso_8859_1.py
        byte[] b = bytes("# test iso-8859-1 encoding\n# -*- encoding: iso-8859-1 -*-\ntest = (\"Les hommes ont oubli",
            new int[] {0xE9}, " cette v", new int[] {0xE9}, "rit", new int[] {0xE9}, ", \"\n");
        assertEquals("# test iso-8859-1 encoding\n# -*- encoding: iso-8859-1 -*-\n"
            + "test = (\"Les hommes ont oublié cette vérité, \"\n", ok(b).text());
        assertEquals("# coding: latin-1\nx = 'ö'\n", ok(bytes("# coding: latin-1\nx = '", new int[] {0xF6}, "'\n")).text());
        // coding20731.py: CRLF line ends after the cookie.
        assertEquals("#coding:latin1\r\n\r\n", ok(bytes("#coding:latin1\r\n\r\n")).text());
    }

    @Test
    void koi8rCookie() {
        // encoded_modules/module_koi8_r.py
        byte[] b = bytes("# test koi8-r encoding\n# -*- encoding: koi8-r -*-\ntest = \"",
            new int[] {0xF0, 0xCF, 0xDA, 0xCE, 0xC1, 0xCE, 0xC9, 0xC5}, "\"\n");
        assertEquals("# test koi8-r encoding\n# -*- encoding: koi8-r -*-\ntest = \"Познание\"\n", ok(b).text());
    }

    @Test
    void cookieOnTheSecondLineAfterAShebang() {
        byte[] b = bytes("#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\nx = '",
            new int[] {0xA4}, "'\n");
        assertEquals("#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\nx = '€'\n", ok(b).text());
        assertEquals("\n# -*- coding: iso-8859-15 -*-\nx = '€'\n",
            ok(bytes("\n# -*- coding: iso-8859-15 -*-\nx = '", new int[] {0xA4}, "'\n")).text());
    }

    @Test
    void notACookie() {
        // lib2to3/tests/data/false_encoding.py: "coding=0" inside code on line 2.
        assertEquals("#!/usr/bin/env python\nprint '#coding=0'\n",
            ok(bytes("#!/usr/bin/env python\nprint '#coding=0'\n")).text());
        // lib2to3/tests/data/different_encoding.py: an explicit utf-8 cookie.
        assertEquals("#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nprint u'ßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿÀÁÂÃ'\n",
            ok(bytes("#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n"
                + "print u'ßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿÀÁÂÃ'\n")).text());
        // A cookie after code on line 1 is not a cookie.
        assertEquals("x = 1 # coding: latin-1\n", ok(bytes("x = 1 # coding: latin-1\n")).text());
    }

    @Test
    void otherCodecs() {
        assertEquals("x = 'ü'\n", ok(bytes("# coding: cp1252\nx = '", new int[] {0xFC}, "'\n")).text()
            .substring(17));
        byte[] eucJp = "x = 'テスト'\n".getBytes(Charset.forName("EUC-JP"));
        assertEquals("x = 'テスト'\n", ok(bytes("# coding: euc-jp\n", eucJp)).text().substring(17));
        assertEquals("'ascii' codec can't decode byte 0xf6 in position 18: ordinal not in range(128)",
            SourceDecoder.decode(bytes("# coding=ascii\nx=\"", new int[] {0xF6}, "\"\n")).error());
    }
}
