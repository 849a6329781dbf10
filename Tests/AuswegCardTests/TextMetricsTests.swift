import Testing

@testable import AuswegCard

@Suite struct TextMetricsTests {
    @Test func widthGrowsWithSizeAndStyle() {
        #expect(abs(TextMetrics.width("abcd", size: 2, style: .regular) - 4.96) < 0.0001)
        #expect(abs(TextMetrics.width("abcd", size: 4, style: .regular) - 9.92) < 0.0001)
        #expect(abs(TextMetrics.width("abcd", size: 2, style: .bold) - 5.6) < 0.0001)
    }

    @Test func wideCharactersCountAFullEmAndMarksNothing() {
        #expect(abs(TextMetrics.width("时间", size: 3, style: .regular) - 6) < 0.0001)
        // "e" followed by a combining acute accent is one letter wide.
        let combined = TextMetrics.width("e\u{301}", size: 3, style: .regular)
        #expect(abs(combined - TextMetrics.width("e", size: 3, style: .regular)) < 0.0001)
    }

    @Test func fittingSizeShrinksToTheWidth() throws {
        let text = String(repeating: "a", count: 20)
        let size = try #require(
            TextMetrics.fittingSize(
                text, width: 31.01, style: .regular, largest: 4, smallest: 2))
        #expect(size == 2.5)
        #expect(TextMetrics.width(text, size: size, style: .regular) <= 31.01)
        #expect(
            TextMetrics.fittingSize(
                text, width: 20, style: .regular, largest: 4, smallest: 2) == nil)
    }

    @Test func wrapBreaksAtSpacesWithinTheLineLimit() {
        let lines = TextMetrics.wrap(
            "Take time for yourself.", width: 30, size: 3, style: .regular, maxLines: 3)
        #expect(lines == ["Take time for", "yourself."])
        #expect(
            TextMetrics.wrap(
                "Take time for yourself.", width: 17, size: 3, style: .regular, maxLines: 2)
                == nil)
    }

    @Test func balancedWrapEvensOutTheLines() {
        let text = "Nimm dir Zeit für dich."
        #expect(
            TextMetrics.wrap(text, width: 40, size: 3.6, style: .regular, maxLines: 3)
                == ["Nimm dir Zeit für", "dich."])
        #expect(
            TextMetrics.balancedWrap(text, width: 40, size: 3.6, style: .regular, maxLines: 3)
                == ["Nimm dir Zeit", "für dich."])
        #expect(
            TextMetrics.balancedWrap("Hi.", width: 40, size: 3.6, style: .regular, maxLines: 3)
                == ["Hi."])
        #expect(
            TextMetrics.balancedWrap(
                "Donaudampfschifffahrt", width: 20, size: 3, style: .regular, maxLines: 3)
                == nil)
    }

    @Test func sizesStepByTenthsAndIncludeTheSmallest() {
        #expect(TextMetrics.sizes(from: 2.6, downTo: 2.2) == [2.6, 2.5, 2.4, 2.3, 2.2])
    }

    @Test func wrapRefusesAWordWiderThanTheLine() {
        #expect(
            TextMetrics.wrap(
                "Donaudampfschifffahrt", width: 20, size: 3, style: .regular, maxLines: 3) == nil)
    }
}
