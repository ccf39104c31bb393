//! A fault-injecting TCP proxy on loopback: per connection it passes traffic, drops the connection at once, cuts
//! it in the middle of the request, cuts it after the request (so the server acted but the client never hears),
//! or delays it. The target can be switched (a restarted coordinator listens on a new port).

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    Pass,
    DropAtOnce,
    ResetMidRequest,
    DropResponse,
    Delay(Duration),
}

/// A small deterministic generator (xorshift64*), so a failing run can be replayed from its seed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

struct Shared {
    target: SocketAddr,
    /// Faults for the next connections, in order, before the random ones.
    queued: std::collections::VecDeque<Fault>,
    fault_percent: u64,
    rng: Rng,
    faults_injected: u64,
}

pub struct FaultProxy {
    pub addr: SocketAddr,
    shared: Arc<Mutex<Shared>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl FaultProxy {
    pub async fn start(target: SocketAddr, seed: u64) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap_or_else(|e| panic!("proxy bind: {e}"));
        let addr = listener.local_addr().unwrap_or_else(|e| panic!("proxy addr: {e}"));
        let shared = Arc::new(Mutex::new(Shared {
            target,
            queued: std::collections::VecDeque::new(),
            fault_percent: 0,
            rng: Rng::new(seed),
            faults_injected: 0,
        }));
        let state = shared.clone();
        let task = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let (target, fault) = {
                    let mut s = state.lock().unwrap_or_else(|p| p.into_inner());
                    let fault = if let Some(fault) = s.queued.pop_front() {
                        s.faults_injected += 1;
                        fault
                    } else if s.rng.below(100) < s.fault_percent {
                        s.faults_injected += 1;
                        match s.rng.below(4) {
                            0 => Fault::DropAtOnce,
                            1 => Fault::ResetMidRequest,
                            2 => Fault::DropResponse,
                            _ => Fault::Delay(Duration::from_millis(20 + s.rng.below(150))),
                        }
                    } else {
                        Fault::Pass
                    };
                    (s.target, fault)
                };
                tokio::spawn(handle(client, target, fault));
            }
        });
        Self { addr, shared, task }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn set_fault_percent(&self, percent: u64) {
        self.shared.lock().unwrap_or_else(|p| p.into_inner()).fault_percent = percent.min(100);
    }

    /// Injects `fault` into the next connection, whatever the random rate says.
    pub fn queue_fault(&self, fault: Fault) {
        self.shared.lock().unwrap_or_else(|p| p.into_inner()).queued.push_back(fault);
    }

    pub fn set_target(&self, target: SocketAddr) {
        self.shared.lock().unwrap_or_else(|p| p.into_inner()).target = target;
    }

    pub fn faults_injected(&self) -> u64 {
        self.shared.lock().unwrap_or_else(|p| p.into_inner()).faults_injected
    }
}

async fn handle(mut client: TcpStream, target: SocketAddr, fault: Fault) {
    if fault == Fault::DropAtOnce {
        return;
    }
    if let Fault::Delay(d) = fault {
        tokio::time::sleep(d).await;
    }
    let Ok(mut server) = TcpStream::connect(target).await else { return };
    match fault {
        Fault::ResetMidRequest => {
            // Forward part of the request, then cut both sides.
            let mut buf = vec![0u8; 4096];
            if let Ok(n) = client.read(&mut buf).await {
                let _ = server.write_all(&buf[..n / 2]).await;
            }
            // Linger zero makes the close an RST, like a connection reset by a mobile network. (Deprecated because
            // a non-zero linger blocks on drop; zero does not.)
            #[allow(deprecated)]
            let _ = client.set_linger(Some(Duration::ZERO));
        }
        Fault::DropResponse => {
            // Forward the whole request, wait for the server's answer, and throw it away.
            let (mut cr, _cw) = client.split();
            let (mut sr, mut sw) = server.split();
            let forward = tokio::io::copy(&mut cr, &mut sw);
            let mut first = [0u8; 1];
            tokio::select! {
                _ = forward => {}
                _ = sr.read(&mut first) => {}
                _ = tokio::time::sleep(Duration::from_secs(2)) => {}
            }
        }
        _ => {
            let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
        }
    }
}
