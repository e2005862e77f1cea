//! Tag suggestions for a 5 KB article (countries, events, topics), so that they never slow an
//! import: median and p99 over repeated runs, in English and Russian. Goal: <= 1 ms. Beside
//! them, the reprint signature made at import (`search::stories`), timed the same way.
//!
//!     cargo bench --bench suggest

use std::time::{Duration, Instant};

use clippings::search::stories;
use clippings::suggest;

const EN: &str = "Ambassador of Kazakhstan Margulan Baimukhan met with the Secretary General of the Benelux Union in Brussels. \
The parties discussed the Middle Corridor, green hydrogen and the Enhanced Partnership and Cooperation Agreement between \
Kazakhstan and the European Union. He invited the Belgian minister to the Astana International Forum in June. ";
const RU: &str = "Посол Казахстана встретился в Брюсселе с генеральным секретарём Бенилюкса. Стороны обсудили Средний \
коридор, производство зелёного водорода и сотрудничество Казахстана с Европейским союзом, сообщает Kazinform. ";

fn article(paragraph: &str) -> String {
    let mut body = String::new();
    while body.len() < 5000 {
        body.push_str(paragraph);
        body.push_str("\n\n");
    }
    body
}

fn main() {
    for (lang, paragraph) in [("English", EN), ("Russian", RU)] {
        let body = article(paragraph);
        let mut times: Vec<Duration> = Vec::new();
        let mut n_suggestions = 0;
        for _ in 0..2000 {
            let start = Instant::now();
            n_suggestions = suggest::suggest("Brussels talks", &body, &[]).len();
            times.push(start.elapsed());
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "suggestions for a {} KB {lang} article: median {:.3} ms, p99 {:.3} ms ({n_suggestions} suggestions; goal <= 1 ms)",
            body.len() / 1000,
            ms(times[times.len() / 2]),
            ms(times[times.len() * 99 / 100])
        );
        let mut times: Vec<Duration> = Vec::new();
        for _ in 0..2000 {
            let start = Instant::now();
            std::hint::black_box(stories::signature(std::hint::black_box(&body)));
            times.push(start.elapsed());
        }
        times.sort();
        println!(
            "reprint signature for the same article: median {:.3} ms, p99 {:.3} ms",
            ms(times[times.len() / 2]),
            ms(times[times.len() * 99 / 100])
        );
    }
}
