internal import CMicroHTTPD
import Glibc
import HTTPTypes
import MindSphereFake
import Synchronization

// The C callbacks. They are plain global functions (not closures in main.swift), so they are nonisolated and safe
// to call from libmicrohttpd's threads.

/// Runs once per request before headers are parsed; its result becomes `*con_cls`.
///
/// It also empties the query that libmicrohttpd is about to split into arguments. The core reads the query from the
/// raw target kept here, so those arguments are never used, and libmicrohttpd stores each one in the connection's
/// small memory pool: a few hundred short `p=v` pairs exhaust it and the request then gets no answer at all.
/// libmicrohttpd finds the `?` before this callback and splits what follows it afterwards, in its own writable
/// read buffer that `uri` points into, so a NUL right after the `?` leaves it nothing to split.
/// A target this thread saw recently comes back as the same text (`HeaderFieldFactory.target`).
func mhdURILog(_ cls: UnsafeMutableRawPointer?, _ uri: UnsafePointer<CChar>?, _ connection: OpaquePointer?) -> UnsafeMutableRawPointer? {
    let target =
        if let uri, let cls {
            Unmanaged<ServerContext>.fromOpaque(cls)._withUnsafeGuaranteedRef { $0.headers.target(uri) }
        } else {
            uri.map { String(cString: $0) } ?? "/"
        }
    let state = RequestState(rawTarget: target)
    if let uri, let mark = strchr(uri, Int32(UInt8(ascii: "?"))) {
        UnsafeMutablePointer(mutating: mark + 1).pointee = 0
    }
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
    let state = Unmanaged<RequestState>.fromOpaque(pointer)
    if state._withUnsafeGuaranteedRef({ $0.started }), let cls {
        Unmanaged<ServerContext>.fromOpaque(cls)._withUnsafeGuaranteedRef { $0.requestFinished() }
    }
    state.release()
    conCls.pointee = nil
}

/// Runs when libmicrohttpd accepts a connection and when it closes one (before it closes the socket): keeps the
/// connection in the header-deadline watch in between.
func mhdConnectionNotify(
    _ cls: UnsafeMutableRawPointer?,
    _ connection: OpaquePointer?,
    _ socketContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
    _ event: MHD_ConnectionNotificationCode
) {
    guard let cls, let connection, let socketContext,
        let watch = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue().deadlines
    else { return }
    switch event {
    case MHD_ConnectionNotificationCode(rawValue: 0):  // MHD_CONNECTION_NOTIFY_STARTED
        let watched = watch.accepted(socket: cmhd_connection_fd(connection))
        socketContext.pointee = Unmanaged.passRetained(watched).toOpaque()
    default:
        guard let pointer = socketContext.pointee else { return }
        let watched = Unmanaged<HeaderDeadlineWatch.Connection>.fromOpaque(pointer)
        watch.closed(watched.takeUnretainedValue())
        watched.release()
        socketContext.pointee = nil
    }
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
    // Both objects outlive this call (the server holds the context, `con_cls` the state): borrowed without counting
    // references, which two threads would otherwise bounce between their caches on every call.
    return Unmanaged<ServerContext>.fromOpaque(cls)._withUnsafeGuaranteedRef { context in
        Unmanaged<RequestState>.fromOpaque(statePointer)._withUnsafeGuaranteedRef { state in
            access(
                state, connection: connection, method: method, version: version, uploadData: uploadData,
                uploadDataSize: uploadDataSize, context: context)
        }
    }
}

/// One call of the access handler for `state`'s request.
private func access(
    _ state: RequestState, connection: OpaquePointer, method: UnsafePointer<CChar>?, version: UnsafePointer<CChar>?,
    uploadData: UnsafePointer<CChar>?, uploadDataSize: UnsafeMutablePointer<Int>, context: ServerContext
) -> MHD_Result {
    if let pending = state.pendingResponse {
        state.pendingResponse = nil
        return queue(pending, on: connection, context: context)
    }
    if !state.started {
        return begin(state, connection: connection, method: method, version: version, context: context)
    }
    let size = uploadDataSize.pointee
    if size > 0 {
        if state.tooLarge || state.body.count + size > state.maximumBodyBytes {
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
        return refuse(RequestHeadRules.tooLarge(state.maximumBodyBytes), state: state, connection: connection, context: context)
    }
    let request = FakeRequest(
        method: state.method, target: state.rawTarget, headerFields: state.headerFields, body: state.body,
        scheme: context.scheme, listenerPort: context.listenerPort.load(ordering: .relaxed))
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

/// The first call of a request, with its head complete: checks method and head, and refuses at once what cannot be
/// served (for a body whose framing is in doubt, answering before reading it is the only safe answer).
private func begin(
    _ state: RequestState, connection: OpaquePointer, method: UnsafePointer<CChar>?, version: UnsafePointer<CChar>?,
    context: ServerContext
) -> MHD_Result {
    state.started = true
    context.requestStarted()
    if let watched = cmhd_connection_socket_context(connection) {
        // The connection's own flag first: only a connection's first request reaches the watch, which every thread
        // shares (and whose timer's weak reference sends each count of a reference to it down the slow path).
        Unmanaged<HeaderDeadlineWatch.Connection>.fromOpaque(watched)._withUnsafeGuaranteedRef { watched in
            if !watched.headersArrived.load(ordering: .relaxed) { context.deadlines?.headersArrived(on: watched) }
        }
    }
    let methodBytes = method.map { UnsafeRawBufferPointer(start: $0, count: strlen($0)) } ?? UnsafeRawBufferPointer(start: nil, count: 0)
    guard RequestHeadRules.isMethod(methodBytes), let parsed = requestMethod(method) else {
        state.rawMethod = method.map { String(cString: $0) } ?? ""
        return refuse(
            FakeError(.malformedRequest, "'\(RequestHeadRules.shown(methodBytes))' is not an HTTP method"),
            state: state, connection: connection, context: context)
    }
    state.method = parsed
    // The length libmicrohttpd counted while parsing the head, line ends and spaces as sent. A connection's first head
    // over plain HTTP was measured on its bytes already (`FirstHeadScreen`); this holds later heads, and every head
    // over TLS, to the same limits.
    let fieldCount = RawHeaders.count(of: connection)
    let requestLineBytes = methodBytes.count + state.rawTarget.utf8.count + (version.map { strlen($0) } ?? 0) + 4
    if let refusal = context.headRules.sizeRefusal(
        headBytes: cmhd_request_head_size(connection), fieldCount: fieldCount, requestLineBytes: requestLineBytes)
    {
        return refuse(refusal, state: state, connection: connection, context: context)
    }
    let requiresHost = version.map { strcmp($0, "HTTP/1.0") != 0 } ?? true
    switch context.headers.requestHead(of: connection, fieldCount: fieldCount, rules: context.headRules, requiresHost: requiresHost) {
    case .success(let head):
        state.headerFields = head.fields
        state.maximumBodyBytes = context.maximumBodyBytes
        let declared = head.framing.contentLength
        if declared.map({ $0 > context.maximumBodyBytes }) ?? (parsed != .get && parsed != .head) {
            // Only a body above the default (or of unknown length) asks the route for its own, larger limit.
            let routeLimit = context.gateway.maximumBodyBytes(method: parsed, target: state.rawTarget) ?? 0
            state.maximumBodyBytes = max(context.maximumBodyBytes, routeLimit)
        }
        if let declared, declared > state.maximumBodyBytes {
            return refuse(RequestHeadRules.tooLarge(state.maximumBodyBytes), state: state, connection: connection, context: context)
        }
        if let declared { state.body.reserveCapacity(declared) }
        return .YES
    case .failure(let refusal):
        return refuse(refusal, state: state, connection: connection, context: context)
    }
}

/// The method, GET (the most common one) without parsing; `nil` for bytes that are no method token.
private func requestMethod(_ method: UnsafePointer<CChar>?) -> HTTPRequest.Method? {
    guard let method else { return nil }
    if strcmp(method, "GET") == 0 { return .get }
    return HTTPRequest.Method(String(cString: method))
}

/// Answers a request the server will not hand to the core, through the core's error mapping and journal.
private func refuse(_ error: FakeError, state: RequestState, connection: OpaquePointer, context: ServerContext) -> MHD_Result {
    let response = context.gateway.refusal(
        error, rawMethod: state.rawMethod ?? state.method.rawValue, target: state.rawTarget,
        headerFields: state.headerFields)
    return queue(response, on: connection, context: context)
}

private func queue(_ response: FakeResponse, on connection: OpaquePointer, context: ServerContext) -> MHD_Result {
    let draining = context.draining.load(ordering: .relaxed)
    guard !draining, let cache = context.responses?.value else {
        var fields = response.headerFields
        // While the server drains, every answer closes its connection, so kept-alive clients move on.
        if draining { fields[.connection] = "close" }
        guard let mhdResponse = ThreadResponseCache.make(headerFields: fields, body: response.body) else { return .NO }
        defer { MHD_destroy_response(mhdResponse) }
        return MHD_queue_response(connection, UInt32(response.status.code), mhdResponse)
    }
    guard let (mhdResponse, owned) = cache.response(headerFields: response.headerFields, body: response.body) else { return .NO }
    let result = MHD_queue_response(connection, UInt32(response.status.code), mhdResponse)
    if owned { MHD_destroy_response(mhdResponse) }
    return result
}
