internal import CMicroHTTPD
import Glibc
import HTTPTypes
import MindSphereFake
import Synchronization

// The C callbacks. They are plain global functions (not closures in main.swift), so they are nonisolated and safe
// to call from libmicrohttpd's threads.

/// Runs once per request before headers are parsed; its result becomes `*con_cls`.
func mhdURILog(_ cls: UnsafeMutableRawPointer?, _ uri: UnsafePointer<CChar>?, _ connection: OpaquePointer?) -> UnsafeMutableRawPointer? {
    let state = RequestState(rawTarget: uri.map { String(cString: $0) } ?? "/")
    return Unmanaged.passRetained(state).toOpaque()
}

/// Runs when a request is done (also after aborts); frees the request state.
func mhdRequestCompleted(
    _ cls: UnsafeMutableRawPointer?,
    _ connection: OpaquePointer?,
    _ conCls: UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
    _ reason: MHD_RequestTerminationCode
) {
    guard let conCls, let pointer = conCls.pointee else { return }
    Unmanaged<RequestState>.fromOpaque(pointer).release()
    conCls.pointee = nil
}

/// The access handler: called once with the headers, once per body chunk, and once at the end.
func mhdAccessHandler(
    _ cls: UnsafeMutableRawPointer?,
    _ connection: OpaquePointer?,
    _ url: UnsafePointer<CChar>?,
    _ method: UnsafePointer<CChar>?,
    _ version: UnsafePointer<CChar>?,
    _ uploadData: UnsafePointer<CChar>?,
    _ uploadDataSize: UnsafeMutablePointer<Int>?,
    _ conCls: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
) -> MHD_Result {
    guard let cls, let connection, let conCls, let statePointer = conCls.pointee, let uploadDataSize else { return .NO }
    let context = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue()
    let state = Unmanaged<RequestState>.fromOpaque(statePointer).takeUnretainedValue()

    if let pending = state.pendingResponse {
        state.pendingResponse = nil
        return queue(pending, on: connection, context: context)
    }
    if !state.started {
        state.started = true
        if let lengthText = MHD_lookup_connection_value(connection, MHD_ValueKind.HEADER_KIND, "Content-Length"),
           let length = Int(String(cString: lengthText)) {
            if length > context.maximumBodyBytes {
                return queue(tooLarge(context), on: connection, context: context)
            }
            state.body.reserveCapacity(length)
        }
        return .YES
    }
    let size = uploadDataSize.pointee
    if size > 0 {
        if state.tooLarge || state.body.count + size > context.maximumBodyBytes {
            state.tooLarge = true
            state.body = []
        } else if let uploadData {
            uploadData.withMemoryRebound(to: UInt8.self, capacity: size) { bytes in
                state.body.append(contentsOf: UnsafeBufferPointer(start: bytes, count: size))
            }
        }
        uploadDataSize.pointee = 0
        return .YES
    }
    if state.tooLarge {
        return queue(tooLarge(context), on: connection, context: context)
    }
    let request = makeRequest(connection: connection, method: method, state: state, context: context)
    let response = context.gateway.handle(request)
    if response.transport.dropConnection {
        return .NO
    }
    if response.transport.delayMilliseconds > 0, !context.stopping.load(ordering: .relaxed) {
        state.pendingResponse = response
        context.suspend(connection, forMilliseconds: response.transport.delayMilliseconds)
        return .YES
    }
    return queue(response, on: connection, context: context)
}

private func tooLarge(_ context: ServerContext) -> FakeResponse {
    context.gateway.errorResponse(
        FakeError(.payloadTooLarge, "the request body is larger than \(context.maximumBodyBytes) bytes"),
        shape: .platform
    )
}

private func makeRequest(connection: OpaquePointer, method: UnsafePointer<CChar>?, state: RequestState, context: ServerContext) -> FakeRequest {
    return FakeRequest(
        method: requestMethod(method),
        target: state.rawTarget,
        headerFields: context.headers.headerFields(of: connection),
        body: state.body,
        scheme: context.scheme
    )
}

/// The request method; GET, the most common one, without parsing.
private func requestMethod(_ method: UnsafePointer<CChar>?) -> HTTPRequest.Method {
    guard let method else { return .get }
    if strcmp(method, "GET") == 0 { return .get }
    return HTTPRequest.Method(String(cString: method)) ?? .get
}

private func queue(_ response: FakeResponse, on connection: OpaquePointer, context: ServerContext) -> MHD_Result {
    let cache = context.responses.value
    guard let (mhdResponse, owned) = cache.response(headerFields: response.headerFields, body: response.body) else { return .NO }
    let result = MHD_queue_response(connection, UInt32(response.status.code), mhdResponse)
    if owned { MHD_destroy_response(mhdResponse) }
    return result
}
