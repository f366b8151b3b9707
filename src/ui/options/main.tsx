import { render } from "preact"; render(<p>Persona Router</p>, document.getElementById("app")!);
