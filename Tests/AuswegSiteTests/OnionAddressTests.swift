import AuswegSite
import Testing

@Suite struct OnionAddressTests {
    /// Published v3 addresses (the Tor Project's and DuckDuckGo's), whose
    /// checksums are right.
    static let valid = [
        "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion",
        "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion",
    ]

    private func parse(_ text: String) throws(ContentError) -> OnionAddress {
        try OnionAddress(hostnameFileText: text, file: "hostname")
    }

    @Test(arguments: valid)
    func acceptsTorsHostnameFileWithOrWithoutNewline(_ address: String) throws {
        #expect(try parse(address + "\n").hostname == address)
        #expect(try parse(address).hostname == address)
    }

    @Test func aMistypedCharacterFailsTheChecksum() {
        let typo = "3gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion"
        #expect(
            throws: ContentError(file: "hostname", "the onion address's checksum does not match")
        ) {
            try parse(typo)
        }
    }

    @Test func anotherVersionIsRefused() {
        let versionTwo = "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wic.onion"
        #expect(throws: ContentError(file: "hostname", "not a version 3 onion address")) {
            try parse(versionTwo)
        }
    }

    @Test(arguments: [
        "", "\n", "expyuzz4wqqyqhjn.onion",
        "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid",
        "2GZYXA5IHM7NSGGFXNU52RCK2VV4RVMDLKIU3ZZUI5DU4XYCLEN53WID.onion",
        "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion\n\n",
        " 2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion",
        "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53w1d.onion",
    ])
    func malformedFilesAreRefusedWithTheFileName(_ text: String) {
        #expect {
            try parse(text)
        } throws: { error in
            "\(error)"
                == "hostname: expected a v3 onion address: 56 characters a-z, 2-7, then .onion"
        }
    }
}
