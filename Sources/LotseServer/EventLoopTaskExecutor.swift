import NIOCore

/// Runs a connection's task on its channel's event loop. Without it every turn hops from the
/// event loop to the cooperative pool and back (two thread wake-ups per line), which cost more
/// than the turn itself on a 2-core kiosk server.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) { self.eventLoop = eventLoop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
