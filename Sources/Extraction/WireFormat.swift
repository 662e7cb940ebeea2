import Foundation

/// The binary form of what extraction workers send back: any `Codable` value, written field by
/// field in declaration order without field names.
///
/// Worker and importer are the same program, so both ends agree on every type's layout, and
/// nothing needs to be self-describing. JSON cost about 8 % of an import's CPU (escaping and
/// parsing the page texts, and Foundation's generic containers); this form is copied, not
/// parsed. Supported: what synthesized `Codable` conformances produce (structs, arrays,
/// optionals as properties, enums with raw values, strings and numbers). Keyed access out of
/// order, dictionaries and `nil` outside a property fail loudly with `WireFormat.Error`.
public enum WireFormat {
    public struct Error: Swift.Error, CustomStringConvertible {
        public let description: String
    }

    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let writer = Writer()
        try value.encode(to: WireEncoder(writer: writer))
        return writer.bytes
    }

    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let reader = Reader(bytes)
        let value = try T(from: WireDecoder(reader: reader))
        guard reader.offset == bytes.count else { throw Error(description: "\(bytes.count - reader.offset) bytes left over") }
        return value
    }

    final class Writer {
        var bytes: [UInt8] = []

        func integer<I: FixedWidthInteger>(_ value: I) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }

        func string(_ value: String) {
            var value = value
            value.withUTF8 { utf8 in
                integer(UInt32(utf8.count))
                bytes.append(contentsOf: utf8)
            }
        }
    }

    final class Reader {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        func integer<I: FixedWidthInteger>(_: I.Type) throws -> I {
            let size = MemoryLayout<I>.size
            guard offset + size <= bytes.count else { throw Error(description: "truncated at byte \(offset)") }
            var value = I.zero
            withUnsafeMutableBytes(of: &value) { out in
                bytes.withUnsafeBytes { out.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<(offset + size)])) }
            }
            offset += size
            return I(littleEndian: value)
        }

        func string() throws -> String {
            let count = Int(try integer(UInt32.self))
            guard offset + count <= bytes.count else { throw Error(description: "truncated string at byte \(offset)") }
            defer { offset += count }
            return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[offset..<(offset + count)]), as: UTF8.self) }
        }
    }
}

// MARK: - Encoding

private struct WireEncoder: Encoder {
    let writer: WireFormat.Writer
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy _: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedWriter<Key>(writer: writer))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer { UnkeyedWriter(writer: writer) }
    func singleValueContainer() -> SingleValueEncodingContainer { ValueWriter(writer: writer) }
}

/// Writes one value of any supported type.
private struct ValueWriter: SingleValueEncodingContainer {
    let writer: WireFormat.Writer
    var codingPath: [CodingKey] = []

    func encodeNil() throws { throw WireFormat.Error(description: "nil outside an optional property") }
    func encode(_ value: Bool) throws { writer.integer(UInt8(value ? 1 : 0)) }
    func encode(_ value: String) throws { writer.string(value) }
    func encode(_ value: Double) throws { writer.integer(value.bitPattern) }
    func encode(_ value: Float) throws { writer.integer(value.bitPattern) }
    func encode(_ value: Int) throws { writer.integer(Int64(value)) }
    func encode(_ value: Int8) throws { writer.integer(value) }
    func encode(_ value: Int16) throws { writer.integer(value) }
    func encode(_ value: Int32) throws { writer.integer(value) }
    func encode(_ value: Int64) throws { writer.integer(value) }
    func encode(_ value: UInt) throws { writer.integer(UInt64(value)) }
    func encode(_ value: UInt8) throws { writer.integer(value) }
    func encode(_ value: UInt16) throws { writer.integer(value) }
    func encode(_ value: UInt32) throws { writer.integer(value) }
    func encode(_ value: UInt64) throws { writer.integer(value) }
    func encode<T: Encodable>(_ value: T) throws {
        switch value {
        case let v as String: writer.string(v)
        case let v as Int: writer.integer(Int64(v))
        case let v as Bool: writer.integer(UInt8(v ? 1 : 0))
        case let v as Double: writer.integer(v.bitPattern)
        default: try value.encode(to: WireEncoder(writer: writer))
        }
    }
}

/// Fields in order, without names; an optional field is a presence byte, then the value.
private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: WireFormat.Writer
    var codingPath: [CodingKey] = []
    private var value: ValueWriter { ValueWriter(writer: writer) }

    init(writer: WireFormat.Writer) { self.writer = writer }

    func encodeNil(forKey _: Key) throws { writer.integer(UInt8(0)) }
    func encode(_ v: Bool, forKey _: Key) throws { try value.encode(v) }
    func encode(_ v: String, forKey _: Key) throws { try value.encode(v) }
    func encode(_ v: Double, forKey _: Key) throws { try value.encode(v) }
    func encode(_ v: Float, forKey _: Key) throws { try value.encode(v) }
    func encode(_ v: Int, forKey _: Key) throws { try value.encode(v) }
    func encode(_ v: Int8, forKey _: Key) throws { try value.encode(v) }
    func encode(_ v: Int16, forKey _: Key) throws { try value.encode(v) }
    func encode(_ v: Int32, forKey _: Key) throws { try value.encode(v) }
    func encode(_ v: Int64, forKey _: Key) throws { try value.encode(v) }
    func encode(_ v: UInt, forKey _: Key) throws { try value.encode(v) }
    func encode(_ v: UInt8, forKey _: Key) throws { try value.encode(v) }
    func encode(_ v: UInt16, forKey _: Key) throws { try value.encode(v) }
    func encode(_ v: UInt32, forKey _: Key) throws { try value.encode(v) }
    func encode(_ v: UInt64, forKey _: Key) throws { try value.encode(v) }
    func encode<T: Encodable>(_ v: T, forKey _: Key) throws { try value.encode(v) }

    // The standard versions skip a nil field entirely, which a reader without names could not tell.
    private func present<T: Encodable>(_ v: T?) throws {
        guard let v else { return writer.integer(UInt8(0)) }
        writer.integer(UInt8(1))
        try value.encode(v)
    }
    func encodeIfPresent(_ v: Bool?, forKey _: Key) throws { try present(v) }
    func encodeIfPresent(_ v: String?, forKey _: Key) throws { try present(v) }
    func encodeIfPresent(_ v: Double?, forKey _: Key) throws { try present(v) }
    func encodeIfPresent(_ v: Float?, forKey _: Key) throws { try present(v) }
    func encodeIfPresent(_ v: Int?, forKey _: Key) throws { try present(v) }
    func encodeIfPresent(_ v: Int8?, forKey _: Key) throws { try present(v) }
    func encodeIfPresent(_ v: Int16?, forKey _: Key) throws { try present(v) }
    func encodeIfPresent(_ v: Int32?, forKey _: Key) throws { try present(v) }
    func encodeIfPresent(_ v: Int64?, forKey _: Key) throws { try present(v) }
    func encodeIfPresent(_ v: UInt?, forKey _: Key) throws { try present(v) }
    func encodeIfPresent(_ v: UInt8?, forKey _: Key) throws { try present(v) }
    func encodeIfPresent(_ v: UInt16?, forKey _: Key) throws { try present(v) }
    func encodeIfPresent(_ v: UInt32?, forKey _: Key) throws { try present(v) }
    func encodeIfPresent(_ v: UInt64?, forKey _: Key) throws { try present(v) }
    func encodeIfPresent<T: Encodable>(_ v: T?, forKey _: Key) throws { try present(v) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy _: NestedKey.Type, forKey _: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedWriter<NestedKey>(writer: writer))
    }
    func nestedUnkeyedContainer(forKey _: Key) -> UnkeyedEncodingContainer { UnkeyedWriter(writer: writer) }
    func superEncoder() -> Encoder { WireEncoder(writer: writer) }
    func superEncoder(forKey _: Key) -> Encoder { WireEncoder(writer: writer) }
}

/// A count, then the elements. The count is written first and raised with each element.
private struct UnkeyedWriter: UnkeyedEncodingContainer {
    let writer: WireFormat.Writer
    let countOffset: Int
    var codingPath: [CodingKey] = []
    var count: Int {
        writer.bytes.withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: countOffset, as: UInt32.self))) }
    }

    init(writer: WireFormat.Writer) {
        self.writer = writer
        countOffset = writer.bytes.count
        writer.integer(UInt32(0))
    }

    private func counted() {
        let next = UInt32(count + 1).littleEndian
        writer.bytes.withUnsafeMutableBytes { $0.storeBytes(of: next, toByteOffset: countOffset, as: UInt32.self) }
    }

    mutating func encodeNil() throws { throw WireFormat.Error(description: "nil inside a list") }
    mutating func encode<T: Encodable>(_ value: T) throws {
        counted()
        try ValueWriter(writer: writer).encode(value)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy _: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        counted()
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(writer: writer))
    }
    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        counted()
        return UnkeyedWriter(writer: writer)
    }
    mutating func superEncoder() -> Encoder {
        counted()
        return WireEncoder(writer: writer)
    }
}

// MARK: - Decoding

private struct WireDecoder: Decoder {
    let reader: WireFormat.Reader
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy _: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedReader<Key>(reader: reader))
    }
    func unkeyedContainer() throws -> UnkeyedDecodingContainer { try UnkeyedReader(reader: reader) }
    func singleValueContainer() throws -> SingleValueDecodingContainer { ValueReader(reader: reader) }
}

private struct ValueReader: SingleValueDecodingContainer {
    let reader: WireFormat.Reader
    var codingPath: [CodingKey] = []

    func decodeNil() -> Bool { false }
    func decode(_: Bool.Type) throws -> Bool { try reader.integer(UInt8.self) != 0 }
    func decode(_: String.Type) throws -> String { try reader.string() }
    func decode(_: Double.Type) throws -> Double { Double(bitPattern: try reader.integer(UInt64.self)) }
    func decode(_: Float.Type) throws -> Float { Float(bitPattern: try reader.integer(UInt32.self)) }
    func decode(_: Int.Type) throws -> Int { Int(try reader.integer(Int64.self)) }
    func decode(_: Int8.Type) throws -> Int8 { try reader.integer(Int8.self) }
    func decode(_: Int16.Type) throws -> Int16 { try reader.integer(Int16.self) }
    func decode(_: Int32.Type) throws -> Int32 { try reader.integer(Int32.self) }
    func decode(_: Int64.Type) throws -> Int64 { try reader.integer(Int64.self) }
    func decode(_: UInt.Type) throws -> UInt { UInt(try reader.integer(UInt64.self)) }
    func decode(_: UInt8.Type) throws -> UInt8 { try reader.integer(UInt8.self) }
    func decode(_: UInt16.Type) throws -> UInt16 { try reader.integer(UInt16.self) }
    func decode(_: UInt32.Type) throws -> UInt32 { try reader.integer(UInt32.self) }
    func decode(_: UInt64.Type) throws -> UInt64 { try reader.integer(UInt64.self) }
    func decode<T: Decodable>(_: T.Type) throws -> T {
        if T.self == String.self { return try reader.string() as! T }
        if T.self == Int.self { return Int(try reader.integer(Int64.self)) as! T }
        if T.self == Bool.self { return (try reader.integer(UInt8.self) != 0) as! T }
        if T.self == Double.self { return Double(bitPattern: try reader.integer(UInt64.self)) as! T }
        return try T(from: WireDecoder(reader: reader))
    }
}

private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: WireFormat.Reader
    var codingPath: [CodingKey] = []
    /// Names are not written, so a container cannot list them (dictionaries are not supported).
    var allKeys: [Key] { [] }
    private var value: ValueReader { ValueReader(reader: reader) }

    init(reader: WireFormat.Reader) { self.reader = reader }

    func contains(_: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool {
        throw WireFormat.Error(description: "field \(key.stringValue) read out of order")
    }
    func decode(_ t: Bool.Type, forKey _: Key) throws -> Bool { try value.decode(t) }
    func decode(_ t: String.Type, forKey _: Key) throws -> String { try value.decode(t) }
    func decode(_ t: Double.Type, forKey _: Key) throws -> Double { try value.decode(t) }
    func decode(_ t: Float.Type, forKey _: Key) throws -> Float { try value.decode(t) }
    func decode(_ t: Int.Type, forKey _: Key) throws -> Int { try value.decode(t) }
    func decode(_ t: Int8.Type, forKey _: Key) throws -> Int8 { try value.decode(t) }
    func decode(_ t: Int16.Type, forKey _: Key) throws -> Int16 { try value.decode(t) }
    func decode(_ t: Int32.Type, forKey _: Key) throws -> Int32 { try value.decode(t) }
    func decode(_ t: Int64.Type, forKey _: Key) throws -> Int64 { try value.decode(t) }
    func decode(_ t: UInt.Type, forKey _: Key) throws -> UInt { try value.decode(t) }
    func decode(_ t: UInt8.Type, forKey _: Key) throws -> UInt8 { try value.decode(t) }
    func decode(_ t: UInt16.Type, forKey _: Key) throws -> UInt16 { try value.decode(t) }
    func decode(_ t: UInt32.Type, forKey _: Key) throws -> UInt32 { try value.decode(t) }
    func decode(_ t: UInt64.Type, forKey _: Key) throws -> UInt64 { try value.decode(t) }
    func decode<T: Decodable>(_ t: T.Type, forKey _: Key) throws -> T { try value.decode(t) }

    private func present<T: Decodable>(_ t: T.Type) throws -> T? {
        try reader.integer(UInt8.self) == 0 ? nil : try value.decode(t)
    }
    func decodeIfPresent(_ t: Bool.Type, forKey _: Key) throws -> Bool? { try present(t) }
    func decodeIfPresent(_ t: String.Type, forKey _: Key) throws -> String? { try present(t) }
    func decodeIfPresent(_ t: Double.Type, forKey _: Key) throws -> Double? { try present(t) }
    func decodeIfPresent(_ t: Float.Type, forKey _: Key) throws -> Float? { try present(t) }
    func decodeIfPresent(_ t: Int.Type, forKey _: Key) throws -> Int? { try present(t) }
    func decodeIfPresent(_ t: Int8.Type, forKey _: Key) throws -> Int8? { try present(t) }
    func decodeIfPresent(_ t: Int16.Type, forKey _: Key) throws -> Int16? { try present(t) }
    func decodeIfPresent(_ t: Int32.Type, forKey _: Key) throws -> Int32? { try present(t) }
    func decodeIfPresent(_ t: Int64.Type, forKey _: Key) throws -> Int64? { try present(t) }
    func decodeIfPresent(_ t: UInt.Type, forKey _: Key) throws -> UInt? { try present(t) }
    func decodeIfPresent(_ t: UInt8.Type, forKey _: Key) throws -> UInt8? { try present(t) }
    func decodeIfPresent(_ t: UInt16.Type, forKey _: Key) throws -> UInt16? { try present(t) }
    func decodeIfPresent(_ t: UInt32.Type, forKey _: Key) throws -> UInt32? { try present(t) }
    func decodeIfPresent(_ t: UInt64.Type, forKey _: Key) throws -> UInt64? { try present(t) }
    func decodeIfPresent<T: Decodable>(_ t: T.Type, forKey _: Key) throws -> T? { try present(t) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy _: NestedKey.Type, forKey _: Key) -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(KeyedReader<NestedKey>(reader: reader))
    }
    func nestedUnkeyedContainer(forKey _: Key) throws -> UnkeyedDecodingContainer { try UnkeyedReader(reader: reader) }
    func superDecoder() -> Decoder { WireDecoder(reader: reader) }
    func superDecoder(forKey _: Key) -> Decoder { WireDecoder(reader: reader) }
}

private struct UnkeyedReader: UnkeyedDecodingContainer {
    let reader: WireFormat.Reader
    var codingPath: [CodingKey] = []
    let count: Int?
    var currentIndex = 0
    var isAtEnd: Bool { currentIndex >= count! }

    init(reader: WireFormat.Reader) throws {
        self.reader = reader
        count = Int(try reader.integer(UInt32.self))
    }

    mutating func decodeNil() -> Bool { false }
    mutating func decode<T: Decodable>(_ t: T.Type) throws -> T {
        guard !isAtEnd else { throw WireFormat.Error(description: "read past the end of a list") }
        currentIndex += 1
        return try ValueReader(reader: reader).decode(t)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy _: NestedKey.Type) -> KeyedDecodingContainer<NestedKey> {
        currentIndex += 1
        return KeyedDecodingContainer(KeyedReader<NestedKey>(reader: reader))
    }
    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        currentIndex += 1
        return try UnkeyedReader(reader: reader)
    }
    mutating func superDecoder() -> Decoder {
        currentIndex += 1
        return WireDecoder(reader: reader)
    }
}
