/// Binary search over ascending `_time` values, shared by the chunks and the aggregate grid.
extension Array where Element == Int64 {
    /// In ascending times, the index of the first time later than `time` (`count` when none is).
    func firstIndex(laterThan time: Int64) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) >> 1
            if self[middle] <= time { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
