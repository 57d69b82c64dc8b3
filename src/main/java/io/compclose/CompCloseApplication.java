package io.compclose;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import io.compclose.cli.Cli;

/** CompClose: the monthly sales-commission close. The command line is in {@link Cli}. */
@SpringBootApplication
public class CompCloseApplication {

    public static void main(String[] args) {
        System.exit(Cli.run(args, System.out, System.err));
    }
}
