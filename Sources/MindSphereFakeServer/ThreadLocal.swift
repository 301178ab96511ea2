import Glibc

/// An object per thread, made on first use and released when its thread ends.
final class ThreadLocal<Value: AnyObject>: @unchecked Sendable {
    // @unchecked: the values never leave their thread; the key and the factory are immutable.
    private let key: pthread_key_t
    private let make: @Sendable () -> Value

    /// Values made by `make`.
    init(_ make: @escaping @Sendable () -> Value) {
        var key = pthread_key_t()
        let created = pthread_key_create(&key) { value in
            if let value { Unmanaged<AnyObject>.fromOpaque(value).release() }
        }
        precondition(created == 0, "no thread-specific key left")
        self.key = key
        self.make = make
    }

    deinit {
        pthread_key_delete(key)
    }

    /// This thread's value.
    var value: Value {
        if let existing = pthread_getspecific(key) {
            return Unmanaged<Value>.fromOpaque(existing).takeUnretainedValue()
        }
        let value = make()
        pthread_setspecific(key, Unmanaged.passRetained(value as AnyObject).toOpaque())
        return value
    }
}
